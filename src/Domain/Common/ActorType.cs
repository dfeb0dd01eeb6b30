namespace OrderTracking.Domain.Common;

public enum ActorType
{
    Admin,
    Merchant,
    Delivery,
    Partner,
}
