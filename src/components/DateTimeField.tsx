import { View } from '@tarojs/components';
import { DateInput, TimeInput } from './DateInput';
import { Field } from './Field';

interface DateTimeFieldProps {
  label: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'HH:mm' */
  time: string;
  onDay: (value: string) => void;
  onTime: (value: string) => void;
  error?: string;
  hint?: string;
  /** The earliest day offered ('YYYY-MM-DD'). */
  min?: string;
}

/** A day and a time side by side: WeChat's pickers have no single date-time mode. */
export function DateTimeField({ label, day, time, onDay, onTime, error, hint, min }: DateTimeFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      <View className='field__row'>
        <DateInput value={day} onChange={onDay} ariaLabel={`${label}（日期）`} min={min} />
        <TimeInput value={time} onChange={onTime} ariaLabel={`${label}（时间）`} />
      </View>
    </Field>
  );
}
