namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential backoff (<see cref="FirstDelay"/> doubled per attempt, at most
/// <see cref="MaxDelay"/>) with ±50 % jitter so receivers coming back up are not hit by every sender at once, until
/// <see cref="Window"/> after the first try; then the delivery has failed. The defaults give about 20 tries over 3 days.
/// </summary>
public sealed record WebhookRetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Window)
{
    public static WebhookRetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(6), TimeSpan.FromDays(3));

    /// <summary>
    /// The time of the next try after failed attempt number <paramref name="attempt"/> (1 for the first), or null when
    /// it would fall after <paramref name="retryUntil"/>. <paramref name="jitter"/> is a random number in [0, 1).
    /// </summary>
    public DateTimeOffset? NextAttemptAt(int attempt, DateTimeOffset now, DateTimeOffset retryUntil, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var backoff = Math.Min(FirstDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var next = now + TimeSpan.FromMilliseconds(backoff * (0.5 + jitter));
        return next <= retryUntil ? next : null;
    }
}
