namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Told, after the change is committed, that a user's sessions have ended: live connections of that user must close.</summary>
public interface ISessionEndNotifier
{
    Task SessionsEndedAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Told, after the change is committed, that one session of the user has ended (signed out): its live connections must close.</summary>
    Task SessionEndedAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken);
}
