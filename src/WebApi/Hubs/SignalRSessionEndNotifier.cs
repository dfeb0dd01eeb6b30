using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Ends a user's live access on this instance at once: forgets the cached session state and closes the user's hub
/// connections (all of them, or one session's when it signs out). Other instances get there through
/// <see cref="EndedSessionSweep"/> within a few seconds.
/// </summary>
public sealed class SignalRSessionEndNotifier(IUserSessionCheck sessionCheck, UserConnections userConnections) : ISessionEndNotifier
{
    public Task SessionsEndedAsync(Guid userId, CancellationToken cancellationToken)
    {
        sessionCheck.Forget(userId);
        userConnections.Close(userId);
        return Task.CompletedTask;
    }

    public Task SessionEndedAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        sessionCheck.ForgetSession(sessionId);
        userConnections.CloseSession(userId, sessionId);
        return Task.CompletedTask;
    }
}
