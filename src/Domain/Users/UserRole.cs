namespace OrderTracking.Domain.Users;

public enum UserRole
{
    Admin,
    Merchant,
    Delivery,
}
