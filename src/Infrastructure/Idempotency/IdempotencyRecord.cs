namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// One use of an <c>Idempotency-Key</c> by one caller: the fingerprint of the request it came with and the result of
/// its command (JSON), to replay. Saved in the same batch as the command's work, so the two commit together.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string CallerScope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public string? ResponseBody { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
