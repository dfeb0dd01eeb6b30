using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;

namespace OrderTracking.WebApi.Security;

/// <summary>Reads the <see cref="Actor"/> from the authenticated principal of the current request.</summary>
public sealed class CurrentActor(IHttpContextAccessor httpContextAccessor) : ICurrentActor
{
    public Actor? Actor => httpContextAccessor.HttpContext?.User.ToActor();

    public Guid? SessionId => httpContextAccessor.HttpContext?.User.SessionId();
}
