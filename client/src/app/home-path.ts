import type { UserRole } from '@/lib/api/generated';

/** Where each role lands after signing in. */
export function homePathFor(role: UserRole | undefined): string {
  switch (role) {
    case 'Delivery':
      return '/courier';
    case 'Admin':
    case 'Merchant':
      return '/orders';
    default:
      return '/sign-in';
  }
}

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}
