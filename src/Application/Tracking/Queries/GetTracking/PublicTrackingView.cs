using System.Linq.Expressions;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Queries.GetTracking;

/// <summary>
/// What the public may see of an order: the fields of <see cref="TrackingDto"/> (nothing personal) and, of its
/// timeline, the entries <see cref="ShowsEntry"/> lets through. The repository reads the view with these rules in one
/// query.
/// </summary>
public static class PublicTrackingView
{
    /// <summary>Status changes only: assignments and claims name couriers.</summary>
    public static Expression<Func<OrderHistoryEntry, bool>> ShowsEntry { get; } = h => h.Kind == OrderHistoryKind.StatusChange;
}
