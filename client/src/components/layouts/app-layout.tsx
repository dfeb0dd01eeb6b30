import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { LiveIndicator } from '../live-indicator';
import { Button } from '../ui/button';
import { ToastViewport } from '../ui/toast/toast-provider';
import { BrandMark } from './brand-mark';
import brand from './brand-mark.module.css';
import styles from './app-layout.module.css';

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (for index-like links). */
  end?: boolean;
}

export interface AppLayoutProps {
  nav: NavItem[];
  userName: string;
  roleLabel: string;
  onSignOut: () => void | Promise<void>;
  signingOut?: boolean;
  children: ReactNode;
}

export function AppLayout({ nav, userName, roleLabel, onSignOut, signingOut, children }: AppLayoutProps) {
  return (
    <>
      <a className={styles.skipLink} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link to="/" className={brand.brand} aria-label="Order Tracking">
            <BrandMark />
            <span className={styles.brandName}>Order Tracking</span>
          </Link>
          <nav className={styles.nav} aria-label="Main">
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className={styles.user}>
            <LiveIndicator />
            <span className={`small ${styles.userName}`}>
              <strong>{userName}</strong>
              <span className={`muted ${styles.role}`}> · {roleLabel}</span>
            </span>
            <Button variant="secondary" onClick={() => void onSignOut()} loading={signingOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <ToastViewport />
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
