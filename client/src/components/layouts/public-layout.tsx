import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BrandMark } from './brand-mark';
import brand from './brand-mark.module.css';
import styles from './public-layout.module.css';

/** Sign-in, tracking and error pages: centred, no navigation. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main id="main" className={styles.page}>
      <div className={wide ? `${styles.inner} ${styles.wide}` : styles.inner}>
        <Link to="/" className={brand.brand}>
          <BrandMark />
          <span>Order Tracking</span>
        </Link>
        {children}
      </div>
    </main>
  );
}
