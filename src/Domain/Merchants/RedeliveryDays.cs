namespace OrderTracking.Domain.Merchants;

/// <summary>The weekdays on which a merchant (or its couriers) can attempt a delivery again.</summary>
[Flags]
public enum RedeliveryDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
}
