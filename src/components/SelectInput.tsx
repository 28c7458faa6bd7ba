import { Picker, View } from '@tarojs/components';
import { isWeapp } from './platform';

interface SelectInputProps<V extends string> {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  ariaLabel: string;
  className?: string;
}

/**
 * One choice from a list. On WeChat the system selector wheel; in the browser a native `<select>`,
 * which a mouse and the keyboard work (Taro's H5 Picker is a phone wheel, Taro 4.2).
 */
export function SelectInput<V extends string>({
  value,
  options,
  onChange,
  ariaLabel,
  className = '',
}: SelectInputProps<V>) {
  const index = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  if (isWeapp) {
    return (
      <Picker
        mode='selector'
        range={options.map((o) => o.label)}
        value={index}
        onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? value)}
      >
        <View className={`field__input field__select ${className}`.trim()} aria-label={ariaLabel}>
          {options[index]?.label ?? ''} ▾
        </View>
      </Picker>
    );
  }
  return (
    <select
      className={`field__input field__select ${className}`.trim()}
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
