// What an integrator writes after `npm install @order-tracking/api-client`: sign in, create an order, read its
// public tracking view. scripts/api-client-package.sh type-checks it against the packed tarball's .d.ts and runs it.
// The consumer project installs nothing but the package: no @types/node.
declare const process: { env: Record<string, string | undefined> };

import { ApiException, AuthClient, OrdersClient, TrackingClient, type ApiClientConfiguration } from '@order-tracking/api-client';

const baseUrl = process.env.API_URL;
if (!baseUrl) throw new Error('Set API_URL to the running API, for example http://127.0.0.1:5080.');

let accessToken: string | undefined;
const configuration: ApiClientConfiguration = { getAccessToken: () => accessToken };
// Outside a browser there is no `window.fetch`: hand the clients Node's.
const http = { fetch: (url: RequestInfo, init?: RequestInit) => fetch(url, init) };

const session = await new AuthClient(configuration, baseUrl, http).login({
  email: process.env.API_EMAIL ?? 'merchant@example.com',
  password: process.env.API_PASSWORD ?? 'Merchant123!',
});
accessToken = session.accessToken;

const order = await new OrdersClient(configuration, baseUrl, http).create(
  {
    customer: { name: 'Package Check', phone: '+44 20 7946 0000' },
    deliveryAddress: { line1: '1 Tarball Street', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
    items: [{ name: 'Packed client', quantity: 1, unitPrice: 1.5 }],
    currency: 'GBP',
  },
  crypto.randomUUID(),
);

const tracking = await new TrackingClient({ getAccessToken: () => undefined }, baseUrl, http).get(order.trackingCode);
if (tracking.trackingCode !== order.trackingCode || tracking.status !== 'Pending') {
  throw new Error(`Unexpected tracking view: ${JSON.stringify(tracking)}`);
}

try {
  await new TrackingClient(configuration, baseUrl, http).get('OT-0000000000');
  throw new Error('An unknown code was found.');
} catch (error) {
  if (!(error instanceof ApiException) || error.status !== 404) throw error;
}

console.log(`api-client package: signed in as ${session.user?.email}, created ${order.trackingCode}, tracked it (${tracking.status}).`);
