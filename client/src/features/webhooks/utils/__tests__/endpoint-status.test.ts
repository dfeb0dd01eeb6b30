import { describe, expect, it } from 'vitest';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { endpointState } from '../endpoint-status';

const disabledAt = '2026-12-06T14:05:00Z';
const failingSince = '2026-12-03T14:04:00Z';
const base: WebhookEndpointDto = { id: 'e1', url: 'https://shop.example.com/hooks', ownerType: 'Merchant', isEnabled: true };

describe('endpointState', () => {
  it('reads a healthy endpoint as enabled, with nothing to explain', () => {
    expect(endpointState(base)).toEqual({ label: 'Enabled', tone: 'success' });
  });

  it('warns about an enabled endpoint whose attempts fail, with since when', () => {
    const state = endpointState({ ...base, failingSince });
    expect([state.label, state.tone]).toEqual(['Failing', 'warning']);
    expect(state.explanation).toContain(`since ${formatDateTime(failingSince)}`);
    expect(state.explanation).toContain('disabled automatically');
  });

  it('tells why and when an endpoint was disabled, for each reason', () => {
    const disabled = { ...base, isEnabled: false, disabledAt };
    const at = formatDateTime(disabledAt);
    expect(endpointState({ ...disabled, disabledReason: 'KeptFailing', failingSince }).explanation).toBe(
      `Disabled automatically on ${at}: every attempt had failed since ${formatDateTime(failingSince)}. Fix the receiver, then enable it.`,
    );
    expect(endpointState({ ...disabled, disabledReason: 'OwnerDeactivated' }).explanation).toBe(
      `Disabled on ${at} because the merchant’s account was deactivated.`,
    );
    expect(endpointState({ ...disabled, ownerType: 'Partner', disabledReason: 'OwnerDeactivated' }).explanation).toBe(
      `Disabled on ${at} because the delivery partner was deactivated.`,
    );
    expect(endpointState({ ...disabled, disabledReason: 'OwnerNoLongerMerchant' }).explanation).toBe(
      `Disabled on ${at} because the account is no longer a merchant account.`,
    );
    expect(endpointState({ ...disabled, disabledReason: 'Manually' })).toEqual({
      label: 'Disabled',
      tone: 'neutral',
      explanation: `Disabled by hand on ${at}.`,
    });
  });
});
