import { Input, Picker, Text, View } from '@tarojs/components';
import { isWeapp } from './platform';

/**
 * Date and time entry that the device's own controls drive. On WeChat: the system wheel, with the
 * years bounded. In the browser (H5, the desktop administration): the native `<input type=date|time>`,
 * which a mouse and a keyboard work and a phone browser shows as its own picker. Taro's H5 Picker is
 * a phone wheel that ignores the mouse wheel and the keyboard (Taro 4.2), so it is not used there.
 */

interface InputProps {
  value: string;
  onChange: (value: string) => void;
  /** Read out by screen readers; the visible label is the Field's. */
  ariaLabel: string;
  placeholder?: string;
  disabled?: boolean;
}

interface DateInputProps extends InputProps {
  /** 'YYYY-MM-DD'; by default from January of last year … */
  min?: string;
  /** … to December of the year after next. */
  max?: string;
}

function yearBound(offset: number, end: boolean): string {
  const year = new Date().getFullYear() + offset;
  return end ? `${year}-12-31` : `${year}-01-01`;
}

export function DateInput({
  value,
  onChange,
  ariaLabel,
  placeholder = '选择日期',
  min,
  max,
  disabled,
}: DateInputProps) {
  const start = min ?? yearBound(-1, false);
  const end = max ?? yearBound(2, true);
  if (isWeapp) {
    return (
      <Picker
        mode='date'
        value={value}
        start={start}
        end={end}
        disabled={disabled}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className='field__input' aria-label={ariaLabel}>
          {value || <Text className='muted'>{placeholder}</Text>}
        </View>
      </Picker>
    );
  }
  return (
    <Input
      className='field__input field__input--native'
      value={value}
      disabled={disabled}
      nativeProps={{ type: 'date', min: start, max: end, 'aria-label': ariaLabel, required: true }}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

export function TimeInput({ value, onChange, ariaLabel, placeholder = '选择时间', disabled }: InputProps) {
  if (isWeapp) {
    return (
      <Picker mode='time' value={value} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='field__input' aria-label={ariaLabel}>
          {value || <Text className='muted'>{placeholder}</Text>}
        </View>
      </Picker>
    );
  }
  return (
    <Input
      className='field__input field__input--native'
      value={value}
      disabled={disabled}
      nativeProps={{ type: 'time', step: 60, 'aria-label': ariaLabel, required: true }}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
