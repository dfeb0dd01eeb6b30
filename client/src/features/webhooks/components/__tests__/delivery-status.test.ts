import { describe, expect, it } from 'vitest';
import { deliveryStatusLabel, deliveryStatusTone } from '../delivery-status';

describe('deliveryStatusLabel', () => {
  const now = new Date(2026, 11, 6, 13, 58);

  it('reads a delivery waiting for its retry as the time of that retry, on the viewer clock', () => {
    const next = new Date(2026, 11, 6, 14, 5);
    const expected = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(next);
    expect(deliveryStatusLabel({ status: 'Pending', attemptCount: 2, nextAttemptAt: next.toISOString() }, now)).toBe(
      `Retrying at ${expected}`,
    );
  });

  it('names the day of a retry that is not today', () => {
    const next = new Date(2026, 11, 7, 9, 30);
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(next);
    expect(deliveryStatusLabel({ status: 'Pending', attemptCount: 9, nextAttemptAt: next.toISOString() }, now)).toBe(
      `Retrying at ${expected}`,
    );
  });

  it('reads a delivery not tried yet, delivered or failed by its status', () => {
    expect(deliveryStatusLabel({ status: 'Pending', attemptCount: 0, nextAttemptAt: now.toISOString() }, now)).toBe('Pending');
    expect(deliveryStatusLabel({ status: 'Delivered', attemptCount: 1, nextAttemptAt: undefined }, now)).toBe('Delivered');
    expect(deliveryStatusLabel({ status: 'Failed', attemptCount: 20, nextAttemptAt: undefined }, now)).toBe('Failed');
  });

  it('colours a delivery by its status', () => {
    expect([
      deliveryStatusTone({ status: 'Pending' }),
      deliveryStatusTone({ status: 'Delivered' }),
      deliveryStatusTone({ status: 'Failed' }),
    ]).toEqual(['warning', 'success', 'danger']);
  });
});
