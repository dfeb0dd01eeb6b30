import { Spinner } from './spinner';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" aria-live="polite">
      <Spinner size="lg" label={label} />
      <p aria-hidden="true">{label}</p>
    </div>
  );
}
