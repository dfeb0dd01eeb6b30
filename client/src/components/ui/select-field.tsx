import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './field-messages';
import styles from './form.module.css';

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string;
  errors?: string[];
  hideLabel?: boolean;
  children: ReactNode;
}

export function SelectField({ label, hint, errors, hideLabel, id, className, children, ...rest }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={selectId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={selectId}
        className={styles.select}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(selectId, hint, errors)}
        {...rest}
      >
        {children}
      </select>
      <FieldMessages id={selectId} hint={hint} errors={errors} />
    </div>
  );
}
