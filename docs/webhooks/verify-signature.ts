// Verifies an Order Tracking webhook (the README's "Webhooks" section). Node 18+ or any runtime with node:crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed timestamp may be: older requests may be replays. */
export const toleranceSeconds = 5 * 60;

/**
 * True when `signatureHeader` (X-OrderTracking-Signature: `t=<unix>,v1=<hex>[,v1=<hex>]`) signs `rawBody` with
 * `secret` (the whole `whsec_…` string) and its timestamp is within the tolerance. Pass the body exactly as received,
 * before any JSON parsing.
 */
export function verifyWebhook(rawBody: string, signatureHeader: string, secret: string, nowSeconds = Date.now() / 1000): boolean {
  const parts = signatureHeader.split(',').map((part) => part.split('=', 2) as [string, string]);
  const t = parts.find(([key]) => key === 't')?.[1];
  if (!t || !/^\d+$/.test(t) || Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false;

  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  return parts
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? ''))
    .some(([, value]) => timingSafeEqual(expected, Buffer.from(value, 'hex')));
}
