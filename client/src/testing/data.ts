import type { OrderDto, UserDto } from '@/lib/api/generated';
import type { Session } from '@/lib/session';

export const merchantUser: UserDto = {
  id: '0190a000-0000-7000-8000-000000000001',
  email: 'merchant@example.com',
  displayName: 'Corner Bakery',
  role: 'Merchant',
  isActive: true,
  createdAt: '2026-01-01T00:00:00Z',
};

export const courierUser: UserDto = {
  id: '0190a000-0000-7000-8000-000000000002',
  email: 'courier@example.com',
  displayName: 'Carl Courier',
  role: 'Delivery',
  isActive: true,
  createdAt: '2026-01-01T00:00:00Z',
};

export function sessionFor(user: UserDto, overrides: Partial<Session> = {}): Session {
  return { accessToken: `access-${user.role}`, expiresAt: Date.now() + 900_000, user, ...overrides };
}

export function anOrder(overrides: Partial<OrderDto> = {}): OrderDto {
  return {
    id: '0190b000-0000-7000-8000-00000000000a',
    trackingCode: 'OT-7F3K9Q2M4X',
    merchantId: merchantUser.id!,
    status: 'Pending',
    customer: { name: 'Ada Lovelace', phone: '+44 20 7946 0000', email: 'ada@example.com' },
    deliveryAddress: { line1: '12 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
    deliveryArea: { city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
    items: [{ name: 'Sourdough loaf', quantity: 2, unitPrice: 4.5 }],
    currency: 'GBP',
    total: 9,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    version: 5,
    allowedTransitions: ['Confirmed', 'Cancelled'],
    isOverdue: false,
    ...overrides,
  };
}
