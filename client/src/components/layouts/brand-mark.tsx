import styles from './brand-mark.module.css';

export function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className={styles.tile} />
      <path d="M8 11l8-4 8 4v10l-8 4-8-4z" fill="none" className={styles.glyph} strokeWidth="2.2" strokeLinejoin="round" />
      <path d="M8 11l8 4 8-4M16 15v10" fill="none" className={styles.glyph} strokeWidth="2.2" strokeLinejoin="round" />
    </svg>
  );
}
