import { HubConnectionBuilder, type ILogger, LogLevel } from '@microsoft/signalr';

/** The live-update hub of the WebApi (src/WebApi/Hubs/OrdersHub.cs). */
export const hubPath = '/hubs/orders';

/** The part of a SignalR HubConnection the live updates use; tests put a fake here. */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(methodName: string, ...args: unknown[]): Promise<unknown>;
  on(methodName: string, handler: (...args: never[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export interface HubConnectionOptions {
  /** Absent for the anonymous connection of the public tracking page. */
  accessTokenFactory?: () => Promise<string>;
}

export type HubConnectionFactory = (options: HubConnectionOptions) => HubConnectionLike;

/**
 * SignalR's own log, warnings and errors, on the console; except the start that fails because the page stopped the
 * connection itself while it was still negotiating (signing out, leaving a page): that is not an error.
 */
export const hubLogger: ILogger = {
  log(level, message) {
    if (level < LogLevel.Warning || message.includes('stopped during negotiation')) return;
    if (level >= LogLevel.Error) console.error(`SignalR: ${message}`);
    else console.warn(`SignalR: ${message}`);
  },
};

/**
 * Real SignalR connections to `baseUrl + /hubs/orders`. No automatic reconnect here: lib/live-updates runs its own
 * loop, because it must also restart after a failed first start and after the server ends a connection whose
 * access token expired, which SignalR's automatic reconnect does not cover in every case.
 */
export function createSignalRConnectionFactory(baseUrl: string): HubConnectionFactory {
  return ({ accessTokenFactory }) =>
    new HubConnectionBuilder()
      .withUrl(`${baseUrl}${hubPath}`, accessTokenFactory ? { accessTokenFactory } : {})
      .configureLogging(hubLogger)
      .build();
}
