namespace OrderTracking.Application.Common.Idempotency;

/// <summary>
/// What identifies a command for idempotency: the caller (<see cref="CallerScope"/>, so two callers' keys never
/// meet), the key it chose and the fingerprint of its request (method, path and body), which tells a retry from a
/// different request reusing the key.
/// </summary>
public sealed record IdempotencyKey(string CallerScope, string Key, string RequestHash)
{
    public const int MaxLength = 255;
}
