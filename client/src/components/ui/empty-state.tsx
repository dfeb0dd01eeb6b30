import type { ReactNode } from 'react';
import styles from './state.module.css';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** Use 'h1' when the state is the whole page (not found, forbidden). */
  titleAs?: 'p' | 'h1' | 'h2';
}

export function EmptyState({ title, description, action, titleAs: Title = 'p' }: EmptyStateProps) {
  return (
    <div className={styles.state}>
      <Title className={styles.title}>{title}</Title>
      {description && <p>{description}</p>}
      {action}
    </div>
  );
}
