namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// One try of a delivery as the owner reads it in the log: the request's headers (the body is the delivery's), and
/// what came back: status, the headers safe to show, and the start of the body.
/// </summary>
public sealed class WebhookAttempt
{
    /// <summary>How much of the receiver's answer is kept: the first 2 048 characters.</summary>
    public const int MaxResponseBodyLength = 2048;

    /// <summary>The receiver's answer headers kept; any other (cookies, internal routing) is dropped.</summary>
    public static readonly IReadOnlySet<string> ShownResponseHeaders = new HashSet<string>(
        ["Content-Type", "Content-Length", "Date", "Retry-After", "Location", "Server"], StringComparer.OrdinalIgnoreCase);

    private WebhookAttempt()
    {
        RequestHeaders = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The request's headers, one <c>Name: value</c> a line.</summary>
    public string RequestHeaders { get; private set; }

    /// <summary>The answer's headers among <see cref="ShownResponseHeaders"/>, one <c>Name: value</c> a line; null when nothing answered.</summary>
    public string? ResponseHeaders { get; private set; }

    /// <summary>The start of the answer's body (at most <see cref="MaxResponseBodyLength"/> characters).</summary>
    public string? ResponseBody { get; private set; }

    public bool ResponseBodyTruncated { get; private set; }

    public static WebhookAttempt Record(
        Guid deliveryId,
        DateTimeOffset attemptedAt,
        TimeSpan duration,
        int? statusCode,
        string? error,
        IEnumerable<KeyValuePair<string, string>> requestHeaders,
        IEnumerable<KeyValuePair<string, string>>? responseHeaders,
        string? responseBody,
        bool responseBodyTruncated) => new()
    {
        Id = Guid.CreateVersion7(attemptedAt),
        DeliveryId = deliveryId,
        AttemptedAt = attemptedAt,
        DurationMs = (int)Math.Min(duration.TotalMilliseconds, int.MaxValue),
        StatusCode = statusCode,
        Error = error is null ? null : WebhookDelivery.Truncate(error),
        RequestHeaders = Lines(requestHeaders),
        ResponseHeaders = responseHeaders is null ? null : Lines(responseHeaders.Where(h => ShownResponseHeaders.Contains(h.Key))),
        ResponseBody = responseBody is { Length: > MaxResponseBodyLength } ? responseBody[..MaxResponseBodyLength] : responseBody,
        ResponseBodyTruncated = responseBodyTruncated || responseBody is { Length: > MaxResponseBodyLength },
    };

    private static string Lines(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join('\n', headers.Select(h => $"{h.Key}: {h.Value}"));
}
