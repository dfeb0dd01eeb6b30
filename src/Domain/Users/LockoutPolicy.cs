namespace OrderTracking.Domain.Users;

/// <summary>After <see cref="MaxFailures"/> failed sign-ins within <see cref="Window"/>, the account is locked for <see cref="Duration"/>.</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Window, TimeSpan Duration)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
}
