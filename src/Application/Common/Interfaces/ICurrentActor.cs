using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Who sent the request being handled: null for an anonymous caller.</summary>
public interface ICurrentActor
{
    Actor? Actor { get; }

    /// <summary>The session a signed-in user's access token was issued for; null for a partner's key or an anonymous caller.</summary>
    Guid? SessionId { get; }
}
