import type { ReactNode } from 'react';
import styles from './alert.module.css';

export interface AlertProps {
  tone?: 'danger' | 'warning' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
}

/** An inline message. Errors and warnings are announced (role=alert); the others are polite status messages. */
export function Alert({ tone = 'info', title, children }: AlertProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`${styles.alert} ${styles[tone]}`} role={urgent ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {title && children ? <div>{children}</div> : children}
    </div>
  );
}
