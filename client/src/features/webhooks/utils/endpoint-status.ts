import type { WebhookEndpointDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import type { StatusTone } from '@/lib/order-status';

export interface EndpointState {
  label: 'Enabled' | 'Failing' | 'Disabled';
  tone: StatusTone;
  /** Why it is disabled, or since when it fails, with the time; absent for a healthy endpoint. */
  explanation?: string;
}

function whyDisabled(endpoint: WebhookEndpointDto): string {
  const at = formatDateTime(endpoint.disabledAt);
  switch (endpoint.disabledReason) {
    case 'KeptFailing':
      return endpoint.failingSince
        ? `Disabled automatically on ${at}: every attempt had failed since ${formatDateTime(endpoint.failingSince)}. Fix the receiver, then enable it.`
        : `Disabled automatically on ${at} because every attempt kept failing. Fix the receiver, then enable it.`;
    case 'OwnerDeactivated':
      return endpoint.ownerType === 'Partner'
        ? `Disabled on ${at} because the delivery partner was deactivated.`
        : `Disabled on ${at} because the merchant’s account was deactivated.`;
    case 'OwnerNoLongerMerchant':
      return `Disabled on ${at} because the account is no longer a merchant account.`;
    default:
      return `Disabled by hand on ${at}.`;
  }
}

/** How an endpoint's health reads: enabled, failing (and since when), or disabled with the reason and the time. */
export function endpointState(endpoint: WebhookEndpointDto): EndpointState {
  if (!endpoint.isEnabled) return { label: 'Disabled', tone: 'neutral', explanation: whyDisabled(endpoint) };
  if (endpoint.failingSince) {
    return {
      label: 'Failing',
      tone: 'warning',
      explanation: `Every attempt has failed since ${formatDateTime(endpoint.failingSince)}. If that goes on, the endpoint is disabled automatically.`,
    };
  }
  return { label: 'Enabled', tone: 'success' };
}
