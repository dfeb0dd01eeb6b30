namespace OrderTracking.Domain.Orders;

/// <summary>The parts an actor can play towards one order; the transition table grants moves to these.</summary>
[Flags]
public enum OrderParty
{
    None = 0,
    OwningMerchant = 1,
    Admin = 2,
    AssignedCourier = 4,
    AssignedPartner = 8,
}
