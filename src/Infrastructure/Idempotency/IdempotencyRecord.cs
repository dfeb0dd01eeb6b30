namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// One use of an <c>Idempotency-Key</c> by one caller: the hash of the request it came with and, once the work
/// is done, the response to replay. Written in the same transaction as the work it protects.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string CallerScope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? ResponseContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
