import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { describedBy, FieldMessages } from './field-messages';
import styles from './form.module.css';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  errors?: string[];
  /** Hides the label visually but keeps it for screen readers. */
  hideLabel?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, errors, hideLabel, id, className, ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={inputId}
        className={styles.input}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(inputId, hint, errors)}
        {...rest}
      />
      <FieldMessages id={inputId} hint={hint} errors={errors} />
    </div>
  );
}
