import type { HubConnectionFactory, HubConnectionLike, HubConnectionOptions } from '@/lib/hub-connection';

type Handler = (...args: never[]) => void;

/**
 * A hub connection at the network boundary: the test decides whether each start succeeds, pushes server messages
 * with `emit`, drops the connection with `drop`, and reads the invocations and the access tokens it was given.
 */
export class FakeHubConnection implements HubConnectionLike {
  readonly invocations: { method: string; args: unknown[] }[] = [];
  /** The access token of every start (signed-in connections only). */
  readonly tokens: string[] = [];
  connected = false;
  starts = 0;
  stopped = false;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly closeCallbacks: ((error?: Error) => void)[] = [];
  private readonly startOutcomes: (Error | (() => Promise<void>))[] = [];

  constructor(readonly options: HubConnectionOptions) {}

  /** The next `count` starts fail (as when the server cannot be reached). */
  failNextStarts(count = 1, error = new Error('Failed to complete negotiation with the server: TypeError: Failed to fetch')) {
    for (let i = 0; i < count; i++) this.startOutcomes.push(error);
  }

  async start() {
    this.starts += 1;
    if (this.options.accessTokenFactory) this.tokens.push(await this.options.accessTokenFactory());
    const outcome = this.startOutcomes.shift();
    if (outcome instanceof Error) throw outcome;
    this.connected = true;
  }

  async stop() {
    this.stopped = true;
    const wasConnected = this.connected;
    this.connected = false;
    if (wasConnected) this.closeCallbacks.forEach((callback) => callback());
  }

  async invoke(method: string, ...args: unknown[]) {
    if (!this.connected) throw new Error(`Cannot invoke ${method}: not connected.`);
    this.invocations.push({ method, args });
    return undefined;
  }

  on(method: string, handler: Handler) {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), handler]);
  }

  onclose(callback: (error?: Error) => void) {
    this.closeCallbacks.push(callback);
  }

  /** The server sends `event` to this connection. */
  emit(event: string, payload: unknown) {
    if (!this.connected) throw new Error(`Cannot receive ${event}: not connected.`);
    (this.handlers.get(event) ?? []).forEach((handler) => (handler as (p: unknown) => void)(payload));
  }

  /** The connection is lost (network gone, server restarted, access token expired). */
  drop(error = new Error('WebSocket closed with status code: 1006.')) {
    this.connected = false;
    this.closeCallbacks.forEach((callback) => callback(error));
  }

  invoked(method: string): unknown[][] {
    return this.invocations.filter((i) => i.method === method).map((i) => i.args);
  }
}

export function createFakeHub() {
  const connections: FakeHubConnection[] = [];
  const factory: HubConnectionFactory = (options) => {
    const connection = new FakeHubConnection(options);
    connections.push(connection);
    return connection;
  };
  return {
    factory,
    connections,
    /** The connection opened last. */
    get latest(): FakeHubConnection {
      const last = connections.at(-1);
      if (!last) throw new Error('No hub connection was opened.');
      return last;
    },
  };
}

export type FakeHub = ReturnType<typeof createFakeHub>;
