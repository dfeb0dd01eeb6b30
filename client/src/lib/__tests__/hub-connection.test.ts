import { LogLevel } from '@microsoft/signalr';
import { hubLogger } from '../hub-connection';

describe('hubLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps SignalR’s errors and warnings on the console, but not a start the page itself stopped', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    hubLogger.log(LogLevel.Error, 'Failed to start the connection: Error: The connection was stopped during negotiation.');
    hubLogger.log(LogLevel.Information, 'WebSocket connected to ws://localhost/hubs/orders.');
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();

    hubLogger.log(LogLevel.Error, 'Failed to complete negotiation with the server: TypeError: Failed to fetch');
    hubLogger.log(LogLevel.Warning, 'Error from HTTP request. TypeError: Failed to fetch.');
    expect(error).toHaveBeenCalledWith('SignalR: Failed to complete negotiation with the server: TypeError: Failed to fetch');
    expect(warn).toHaveBeenCalledWith('SignalR: Error from HTTP request. TypeError: Failed to fetch.');
  });
});
