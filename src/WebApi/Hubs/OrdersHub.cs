using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Live updates at <c>/hubs/orders</c>. Signed-in users (access token in <c>access_token</c> for WebSockets)
/// join the groups of exactly what they may see and receive <c>orderChanged</c>. Anyone may call
/// <see cref="SubscribeToTracking"/> and receive <c>trackingChanged</c> with the public view of that order, for a few
/// codes per connection. <see cref="HubLimitsFilter"/> bounds connections and calls.
/// </summary>
/// <remarks>A user's connections are closed as soon as their sessions end (<see cref="UserConnections"/>).</remarks>
public sealed class OrdersHub(UserConnections userConnections, IOptions<RateLimits.Options> limits) : Hub
{
    public const string Path = "/hubs/orders";
    public const string OrderChangedEvent = "orderChanged";
    public const string TrackingChangedEvent = "trackingChanged";

    private static readonly object TrackingCodesKey = new();

    public override async Task OnConnectedAsync()
    {
        if (Context.User.ToActor() is { } actor)
        {
            // The session check has read both already (SessionStateCheck): a connection cannot open without them.
            userConnections.Add(actor.Id, Context.User!.SessionVersion()!.Value, Context.User.SessionId()!.Value, Context);
            foreach (var audience in LiveAudiences.Of(actor))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.For(audience));
            }
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User.ToActor() is { } actor)
        {
            userConnections.Remove(actor.Id, Context.ConnectionId);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Follows one order's public view. It answers the same for every well-formed code, known or not, so it tells
    /// nothing about which codes exist; fetch the current view from GET /api/tracking/{code}.
    /// </summary>
    public async Task SubscribeToTracking(string trackingCode)
    {
        var code = trackingCode?.Trim().ToUpperInvariant();
        if (!TrackingCode.IsWellFormed(code))
        {
            throw new HubException("That is not a tracking code.");
        }

        // Each subscription lives until disconnect (and is a Redis subscription when scaled out); a page needs one.
        var followed = TrackingCodes();
        var cap = limits.Value.TrackingCodesPerConnection;
        lock (followed)
        {
            if (!followed.Contains(code!) && followed.Count >= cap)
            {
                throw new HubException($"A connection follows at most {cap} tracking codes. Unsubscribe from one first.");
            }

            followed.Add(code!);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Tracking(code!));
    }

    public async Task UnsubscribeFromTracking(string trackingCode)
    {
        var code = trackingCode?.Trim().ToUpperInvariant() ?? string.Empty;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Tracking(code));
        var followed = TrackingCodes();
        lock (followed)
        {
            followed.Remove(code);
        }
    }

    /// <summary>The codes this connection follows; the hub object is per call, the connection's items outlive it.</summary>
    private HashSet<string> TrackingCodes()
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(TrackingCodesKey, out var held) && held is HashSet<string> codes)
            {
                return codes;
            }

            var created = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[TrackingCodesKey] = created;
            return created;
        }
    }
}
