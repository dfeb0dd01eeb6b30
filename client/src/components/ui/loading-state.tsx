import { Spinner } from './spinner';
import styles from './state.module.css';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className={styles.state} aria-live="polite">
      <Spinner size="lg" label={label} />
      <p aria-hidden="true">{label}</p>
    </div>
  );
}
