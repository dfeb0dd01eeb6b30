import type { FetchFn } from '@/lib/authenticated-fetch';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type FakeReply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  path: RegExp | string;
  handler: Handler;
}

/**
 * A fake network for the generated clients: routes by method and path, answers JSON (or problem+json for
 * errors), records every request. Unmatched requests fail the test loudly with a 599.
 */
export function createFakeFetch() {
  const routes: Route[] = [];
  const requests: RecordedRequest[] = [];

  const fetch: FetchFn = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const parsed = new URL(url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      url,
      path: parsed.pathname,
      headers: new Headers(init?.headers),
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(request);
    // Later registrations win, so a test can override a default answer.
    const route = [...routes]
      .reverse()
      .find((r) => r.method === method && (typeof r.path === 'string' ? r.path === parsed.pathname : r.path.test(parsed.pathname)));
    if (!route) return new Response(`No fake route for ${method} ${parsed.pathname}`, { status: 599 });
    const reply = await route.handler(request);
    const status = reply.status ?? 200;
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    const body = reply.body === undefined ? null : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType, ...reply.headers } });
  };

  const on = (method: string, path: RegExp | string, reply: FakeReply | Handler) => {
    routes.push({ method, path, handler: typeof reply === 'function' ? reply : () => reply });
  };

  return {
    fetch,
    requests,
    get: (path: RegExp | string, reply: FakeReply | Handler) => on('GET', path, reply),
    post: (path: RegExp | string, reply: FakeReply | Handler) => on('POST', path, reply),
    put: (path: RegExp | string, reply: FakeReply | Handler) => on('PUT', path, reply),
    patch: (path: RegExp | string, reply: FakeReply | Handler) => on('PATCH', path, reply),
    delete: (path: RegExp | string, reply: FakeReply | Handler) => on('DELETE', path, reply),
    /** The requests to one method + path. */
    sent: (method: string, path: RegExp | string) =>
      requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
  };
}

export type FakeFetch = ReturnType<typeof createFakeFetch>;
