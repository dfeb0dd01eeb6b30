import { describe, expect, it } from 'vitest';
import { deliveryStatusLabel } from '../delivery-status';

describe('deliveryStatusLabel', () => {
  it('reads a delivery waiting for its retry as the time of that retry, on the viewer clock', () => {
    const next = new Date(2026, 11, 6, 14, 5);
    const expected = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(next);
    expect(deliveryStatusLabel({ status: 'Pending', attemptCount: 2, nextAttemptAt: next.toISOString() })).toBe(`Retrying at ${expected}`);
  });

  it('reads a delivery not tried yet, delivered or failed by its status', () => {
    expect(deliveryStatusLabel({ status: 'Pending', attemptCount: 0, nextAttemptAt: new Date().toISOString() })).toBe('Pending');
    expect(deliveryStatusLabel({ status: 'Delivered', attemptCount: 1, nextAttemptAt: undefined })).toBe('Delivered');
    expect(deliveryStatusLabel({ status: 'Failed', attemptCount: 20, nextAttemptAt: undefined })).toBe('Failed');
  });
});
