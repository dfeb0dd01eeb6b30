export function Spinner({ size = 'sm', label = 'Loading…' }: { size?: 'sm' | 'lg'; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="row">
      <span className={size === 'lg' ? 'spinner spinner--lg' : 'spinner'} aria-hidden="true" />
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}
