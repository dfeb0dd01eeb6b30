namespace OrderTracking.Domain.Common;

/// <summary>Who is acting: a signed-in user of some role, or a delivery partner's system.</summary>
public sealed record Actor(ActorType Type, Guid Id, string DisplayName)
{
    public bool IsAdmin => Type == ActorType.Admin;
}
