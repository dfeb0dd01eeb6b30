import styles from './form.module.css';

/** The hint and error lines under a form control; the control points at them with aria-describedby. */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
      {errors && errors.length > 0 && (
        <span id={`${id}-error`} className={styles.error}>
          {errors.join(' ')}
        </span>
      )}
    </>
  );
}

export function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [hint && `${id}-hint`, errors && errors.length > 0 && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
