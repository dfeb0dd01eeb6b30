import type { Figure } from '../utils/summary-view';
import styles from './analytics.module.css';

/** The headline figures; each is a labelled group so a screen reader reads label, value and context together. */
export function FigureCards({ figures }: { figures: Figure[] }) {
  return (
    <ul className={styles.figureCards} aria-label="Key figures">
      {figures.map((figure) => (
        <li key={figure.id} className={`card ${styles.figureCard}`} aria-labelledby={`figure-${figure.id}`} data-figure={figure.id}>
          <p className={styles.figureLabel} id={`figure-${figure.id}`}>
            {figure.label}
          </p>
          <p className={styles.figureValue}>{figure.value}</p>
          <p className="muted small">{figure.detail}</p>
        </li>
      ))}
    </ul>
  );
}
