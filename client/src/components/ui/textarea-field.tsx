import { useId, type TextareaHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './field-messages';
import styles from './form.module.css';

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  errors?: string[];
}

export function TextareaField({ label, hint, errors, id, className, ...rest }: TextareaFieldProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={textareaId}>{label}</label>
      <textarea
        id={textareaId}
        className={styles.textarea}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(textareaId, hint, errors)}
        {...rest}
      />
      <FieldMessages id={textareaId} hint={hint} errors={errors} />
    </div>
  );
}
