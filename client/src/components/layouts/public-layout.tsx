import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BrandMark } from './brand-mark';

/** Sign-in, tracking and error pages: centred, no navigation. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main id="main" className="public-page">
      <div className={wide ? 'public-page__inner public-page__inner--wide' : 'public-page__inner'}>
        <Link to="/" className="brand">
          <BrandMark />
          <span>Order Tracking</span>
        </Link>
        {children}
      </div>
    </main>
  );
}
