import { z } from 'zod';
import type { UpdateWebhookEndpointRequest, WebhookEndpointDto } from '@/lib/api/generated';
import { webhookEventTypes } from '../api/use-webhooks';

/** The API's limit on an endpoint URL. */
export const maxUrlLength = 2000;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * What the endpoint form checks before it asks the API: a web address and at least one event. Whether the address is
 * allowed (https, its port, where its name resolves) only the API can tell; its answer shows under the field.
 */
export const endpointFormSchema = z.object({
  url: z
    .string()
    .trim()
    // Each check stops the ones after it: an empty field is told to fill it in, not also that it is no address.
    .min(1, { error: 'Enter the URL to send events to.', abort: true })
    .max(maxUrlLength, { error: `Use at most ${maxUrlLength} characters.`, abort: true })
    .refine(isWebAddress, 'Enter a full address, such as https://shop.example.com/hooks.'),
  events: z.array(z.enum(webhookEventTypes)).min(1, 'Choose at least one event.'),
});

export type EndpointFormValues = z.infer<typeof endpointFormSchema>;

export const newEndpointValues: EndpointFormValues = { url: '', events: [...webhookEventTypes] };

/** The form's values for an existing endpoint. */
export function endpointFormValues(endpoint: WebhookEndpointDto): EndpointFormValues {
  return { url: endpoint.url ?? '', events: webhookEventTypes.filter((type) => endpoint.events?.includes(type)) };
}

/** Only what the person changed, so an edit of the events never resends (and re-checks) an untouched URL. */
export function endpointChanges(endpoint: WebhookEndpointDto, values: EndpointFormValues): UpdateWebhookEndpointRequest {
  const changes: UpdateWebhookEndpointRequest = {};
  if (values.url !== endpoint.url) changes.url = values.url;
  const before = new Set(endpoint.events ?? []);
  if (values.events.length !== before.size || values.events.some((type) => !before.has(type))) changes.events = values.events;
  return changes;
}
