using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Live updates at <c>/hubs/orders</c>. Signed-in users (access token in <c>access_token</c> for WebSockets)
/// join the groups of exactly what they may see and receive <c>orderChanged</c>. Anyone may call
/// <see cref="SubscribeToTracking"/> and receive <c>trackingChanged</c> with the public view of that order.
/// </summary>
/// <remarks>A user's connections are closed as soon as their sessions end (<see cref="UserConnections"/>).</remarks>
public sealed class OrdersHub(UserConnections userConnections) : Hub
{
    public const string Path = "/hubs/orders";
    public const string OrderChangedEvent = "orderChanged";
    public const string TrackingChangedEvent = "trackingChanged";

    public override async Task OnConnectedAsync()
    {
        if (CurrentActor.FromPrincipal(Context.User) is { } actor)
        {
            userConnections.Add(actor.Id, SessionVersionOf(Context.User!), Context);
            foreach (var group in GroupsOf(actor))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (CurrentActor.FromPrincipal(Context.User) is { } actor)
        {
            userConnections.Remove(actor.Id, Context.ConnectionId);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The bearer handler has checked the claim already; a connection cannot open without it.</summary>
    private static int SessionVersionOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirst(TokenClaims.SessionVersion)!.Value, NumberStyles.None, CultureInfo.InvariantCulture);

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

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Tracking(code!));
    }

    public Task UnsubscribeFromTracking(string trackingCode) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Tracking(trackingCode?.Trim().ToUpperInvariant() ?? string.Empty));

    private static IEnumerable<string> GroupsOf(Actor actor) => actor.Type switch
    {
        ActorType.Admin => [HubGroups.Admins],
        ActorType.Merchant => [HubGroups.Merchant(actor.Id)],
        ActorType.Delivery => [HubGroups.Courier(actor.Id), HubGroups.CourierPool],
        _ => [],
    };
}
