namespace OrderTracking.Domain.Sessions;

public enum SessionRevocationReason
{
    SignedOut,
    TokenReuse,
    AccountChanged,
}
