using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Lets endpoints point at loopback (127.0.0.0/8, ::1, <c>localhost</c>) on any port and use http: for development and tests only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Lets endpoints use http rather than https (set for the Development environment).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Ports endpoints may use besides 443.</summary>
    public int[] AllowedPorts { get; set; } = [];

    /// <summary>How many endpoints one merchant or partner may have.</summary>
    public int MaxEndpointsPerOwner { get; set; } = 10;

    /// <summary>How long one attempt may take, connection and answer (the first <see cref="WebhookAttempt.MaxResponseBodyLength"/> characters of its body) included.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public double RetryFirstDelaySeconds { get; set; } = WebhookRetrySchedule.Default.FirstDelay.TotalSeconds;

    public double RetryMaxDelaySeconds { get; set; } = WebhookRetrySchedule.Default.MaxDelay.TotalSeconds;

    /// <summary>How long after it is planned a delivery is retried before it is marked failed; a resend does not extend it.</summary>
    public double RetryWindowSeconds { get; set; } = WebhookRetrySchedule.Default.Window.TotalSeconds;

    /// <summary>An endpoint whose every attempt has failed for this long is disabled, with the reason shown to its owner.</summary>
    public double DisableAfterFailingSeconds { get; set; } = TimeSpan.FromDays(3).TotalSeconds;

    /// <summary>How often the delivery worker looks for due retries when nothing wakes it.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Sends one endpoint may have in flight at once, over all instances.</summary>
    public int MaxInFlightPerEndpoint { get; set; } = 2;

    /// <summary>Sends the endpoints of one owner may have in flight at once, over all instances.</summary>
    public int MaxInFlightPerOwner { get; set; } = 8;

    /// <summary>Sends one instance has in flight at once, over all owners.</summary>
    public int MaxConcurrentSends { get; set; } = 64;

    public WebhookRetrySchedule RetrySchedule => new(
        TimeSpan.FromSeconds(RetryFirstDelaySeconds), TimeSpan.FromSeconds(RetryMaxDelaySeconds), TimeSpan.FromSeconds(RetryWindowSeconds));

    public TimeSpan DisableAfterFailing => TimeSpan.FromSeconds(DisableAfterFailingSeconds);

    public bool HttpAllowed => AllowHttp || AllowLoopback;

    /// <summary>Why <paramref name="url"/>'s shape is refused here (scheme, port...), or null.</summary>
    public string? UrlProblem(string url) => WebhookUrl.Problem(url, HttpAllowed, AllowedPorts, anyPort: AllowLoopback);

    public bool IsPortAllowed(int port) => AllowLoopback || WebhookUrl.IsPortAllowed(port, AllowedPorts);
}
