import type { UserRole } from '@/lib/api/generated';

export const roles: UserRole[] = ['Admin', 'Merchant', 'Delivery'];

export const roleLabels: Record<UserRole, string> = { Admin: 'Admin', Merchant: 'Merchant', Delivery: 'Courier' };
