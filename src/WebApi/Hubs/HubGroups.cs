using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Hubs;

/// <summary>SignalR group names for the audiences of <see cref="OrderAudience"/>.</summary>
public static class HubGroups
{
    public const string Admins = "admins";
    public const string CourierPool = "couriers:pool";

    public static string Merchant(Guid id) => $"merchant:{id}";

    public static string Courier(Guid id) => $"courier:{id}";

    public static string Partner(Guid id) => $"partner:{id}";

    public static string Tracking(string trackingCode) => $"tracking:{trackingCode}";

    public static string For(OrderAudience audience) => audience switch
    {
        OrderAudience.Admins => Admins,
        OrderAudience.Merchant m => Merchant(m.MerchantId),
        OrderAudience.Courier c => Courier(c.CourierId),
        OrderAudience.CourierPool => CourierPool,
        OrderAudience.Partner p => Partner(p.PartnerId),
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
