import styles from './spinner.module.css';

export function Spinner({ size = 'sm', label = 'Loading…' }: { size?: 'sm' | 'lg'; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="row">
      <span className={size === 'lg' ? `${styles.spinner} ${styles.large}` : styles.spinner} aria-hidden="true" />
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}
