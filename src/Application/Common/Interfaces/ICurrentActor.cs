using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Who sent the request being handled: null for an anonymous caller.</summary>
public interface ICurrentActor
{
    Actor? Actor { get; }
}
