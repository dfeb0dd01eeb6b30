namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// One use of an <c>Idempotency-Key</c> by one caller: the fingerprint of the request it came with and the result of
/// its command (JSON), to replay. Claimed, done and stored in the one transaction of the command.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string CallerScope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public string? ResponseBody { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
