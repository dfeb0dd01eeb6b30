import { describe, expect, it } from 'vitest';
import type { WebhookEndpointDto } from '@/lib/api/generated';
import { endpointChanges, endpointFormSchema, endpointFormValues, maxUrlLength } from '../endpoint-form';

const endpoint: WebhookEndpointDto = {
  id: 'e1',
  url: 'https://shop.example.com/hooks',
  events: ['order.status_changed', 'order.created'],
  isEnabled: true,
};

function messages(values: unknown): Record<string, string[]> {
  const result = endpointFormSchema.safeParse(values);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe('endpointFormSchema', () => {
  it('takes a full web address with at least one event, trimmed', () => {
    const parsed = endpointFormSchema.parse({ url: '  https://shop.example.com/hooks ', events: ['order.created'] });
    expect(parsed).toEqual({ url: 'https://shop.example.com/hooks', events: ['order.created'] });
  });

  it('asks for an address, a full one, not too long, and at least one event', () => {
    expect(messages({ url: ' ', events: [] })).toEqual({
      url: ['Enter the URL to send events to.'],
      events: ['Choose at least one event.'],
    });
    expect(messages({ url: 'shop.example.com/hooks', events: ['order.created'] }).url).toEqual([
      'Enter a full address, such as https://shop.example.com/hooks.',
    ]);
    expect(messages({ url: 'ftp://shop.example.com/', events: ['order.created'] }).url).toHaveLength(1);
    expect(messages({ url: `https://shop.example.com/${'a'.repeat(maxUrlLength)}`, events: ['order.created'] }).url).toEqual([
      `Use at most ${maxUrlLength} characters.`,
    ]);
  });

  it('refuses an event the API does not send', () => {
    expect(messages({ url: 'https://shop.example.com/', events: ['order.deleted'] }).events).toHaveLength(1);
  });
});

describe('endpointChanges', () => {
  it('starts the form from the endpoint, events in the list order', () => {
    expect(endpointFormValues(endpoint)).toEqual({ url: endpoint.url, events: ['order.created', 'order.status_changed'] });
  });

  it('sends nothing when nothing changed, whatever the order of the events', () => {
    expect(endpointChanges(endpoint, endpointFormValues(endpoint))).toEqual({});
  });

  it('sends only the URL when only the URL changed, and only the events when only they changed', () => {
    expect(endpointChanges(endpoint, { url: 'https://new.example.com/hooks', events: ['order.created', 'order.status_changed'] })).toEqual({
      url: 'https://new.example.com/hooks',
    });
    expect(endpointChanges(endpoint, { url: endpoint.url!, events: ['order.created'] })).toEqual({ events: ['order.created'] });
    expect(endpointChanges(endpoint, { url: endpoint.url!, events: ['order.created', 'order.assigned'] })).toEqual({
      events: ['order.created', 'order.assigned'],
    });
  });
});
