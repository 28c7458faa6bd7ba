import { Picker, View } from '@tarojs/components';
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
}

/** A day and a time side by side: WeChat's pickers have no single date-time mode. */
export function DateTimeField({ label, day, time, onDay, onTime, error }: DateTimeFieldProps) {
  return (
    <Field label={label} error={error}>
      <View className='field__row'>
        <Picker mode='date' value={day} onChange={(e) => onDay(String(e.detail.value))}>
          <View className='field__input'>{day}</View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
          <View className='field__input'>{time}</View>
        </Picker>
      </View>
    </Field>
  );
}
