import type { Figure } from '../utils/summary-view';

/** The headline figures; each is a labelled group so a screen reader reads label, value and context together. */
export function FigureCards({ figures }: { figures: Figure[] }) {
  return (
    <ul className="figure-cards" aria-label="Key figures">
      {figures.map((figure) => (
        <li key={figure.id} className="card figure-card" aria-labelledby={`figure-${figure.id}`} data-figure={figure.id}>
          <p className="figure-card__label" id={`figure-${figure.id}`}>
            {figure.label}
          </p>
          <p className="figure-card__value">{figure.value}</p>
          <p className="muted small">{figure.detail}</p>
        </li>
      ))}
    </ul>
  );
}
