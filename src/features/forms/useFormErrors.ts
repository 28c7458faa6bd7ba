import { useCallback, useState } from 'react';
import type { FieldErrors } from './issues';

export interface FormErrors {
  /** Field name → its message; '' is the message about the form as a whole. */
  errors: FieldErrors;
  /** Shows every problem found at once, each under its field. */
  show(errors: FieldErrors): void;
  /**
   * Fields were changed: their messages go at once (a field's own and those of its parts, such as
   * `items.0.name` for `items`), and so does the form-wide one.
   */
  edited(...fields: string[]): void;
  clear(): void;
}

/**
 * The one way forms report problems: all of them together, each under its field, and each gone as
 * soon as the person touches that field (a stale "请填写队名" beside a typed name is worse than none).
 */
export function useFormErrors(): FormErrors {
  const [errors, setErrors] = useState<FieldErrors>({});
  const edited = useCallback((...fields: string[]) => {
    setErrors((current) => {
      const gone = Object.keys(current).filter(
        (key) => key === '' || fields.some((f) => key === f || key.startsWith(`${f}.`)),
      );
      if (gone.length === 0) return current;
      const next = { ...current };
      for (const key of gone) delete next[key];
      return next;
    });
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, show: setErrors, edited, clear };
}
