import { Textarea } from '@tarojs/components';

interface TextAreaProps {
  value: string;
  onInput: (value: string) => void;
  maxlength: number;
  placeholder?: string;
  /** How tall the empty box starts: a note, a paragraph, an article. It grows with its text. */
  size?: 'short' | 'medium' | 'long';
  /** Pasted tables (roster import) keep their columns in a monospace font. */
  mono?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
}

/**
 * The one multi-line field. The box is the text area: a click anywhere in it focuses, and it grows
 * with the text up to a limit (`autoHeight` on both platforms; sizes in app.scss), in the font of the
 * inputs.
 */
export function TextArea({
  value,
  onInput,
  maxlength,
  placeholder,
  size = 'medium',
  mono = false,
  disabled,
  ariaLabel,
}: TextAreaProps) {
  return (
    <Textarea
      className={`field__textarea field__textarea--${size}${mono ? ' field__textarea--mono' : ''}`}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      disabled={disabled}
      autoHeight
      aria-label={ariaLabel ?? placeholder}
      onInput={(e) => onInput(e.detail.value)}
    />
  );
}
