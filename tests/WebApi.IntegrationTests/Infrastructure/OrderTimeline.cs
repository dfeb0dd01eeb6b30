using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Orders with chosen timestamps, walked through the real Domain methods (which take the time explicitly), for
/// tests whose expected figures are worked out by hand from those timestamps.
/// </summary>
public static class OrderTimeline
{
    /// <summary>One move, <paramref name="Minutes"/> after the previous one: a status change, or (Status null) assigning the courier.</summary>
    public sealed record Step(OrderStatus? Status, double Minutes, string? Reason = null);

    public static Step To(OrderStatus status, double minutes) => new(status, minutes);

    public static Step Assign(double minutes) => new(null, minutes);

    public static Step Fail(DeliveryFailureReason reason, double minutes) => new(OrderStatus.DeliveryFailed, minutes, reason.ToString());

    public static Step Cancel(double minutes) => new(OrderStatus.Cancelled, minutes, "Customer changed their mind");

    /// <summary>Pending → Confirmed → Preparing → ReadyForPickup, courier assigned, PickedUp → InTransit, with the given minutes per step.</summary>
    public static Step[] OutForDelivery(double confirm, double prepare, double ready, double assign, double pickUp, double inTransit) =>
    [
        To(OrderStatus.Confirmed, confirm), To(OrderStatus.Preparing, prepare), To(OrderStatus.ReadyForPickup, ready),
        Assign(assign), To(OrderStatus.PickedUp, pickUp), To(OrderStatus.InTransit, inTransit),
    ];

    public static Order Build(TestUser merchant, TestUser courier, DateTimeOffset createdAt, DateTimeOffset? estimatedDeliveryAt, params Step[] steps)
    {
        var merchantActor = new Actor(ActorType.Merchant, merchant.Id, merchant.DisplayName);
        var courierActor = new Actor(ActorType.Delivery, courier.Id, courier.DisplayName);
        var order = Order.Create(
            merchant.Id,
            new Customer("Ann Analytics", "+44 7700 900123", null),
            new DeliveryAddress("1 High St", null, "London", "SW1A 1AA", "UK"),
            [new OrderItem("Bread", 1, 2.50m)],
            "GBP",
            null,
            estimatedDeliveryAt,
            merchantActor,
            createdAt);

        var at = createdAt;
        foreach (var step in steps)
        {
            at = at.AddMinutes(step.Minutes);
            if (step.Status is not { } status)
            {
                order.AssignCourier(courier.Id, courier.DisplayName, merchantActor, at);
                continue;
            }

            var actor = status is <= OrderStatus.ReadyForPickup or OrderStatus.Cancelled ? merchantActor : courierActor;
            order.ChangeStatus(status, new StatusChangeDetails(Reason: step.Reason), actor, at);
        }

        order.ClearDomainEvents();
        return order;
    }
}
