namespace OrderTracking.WebApi.Http;

/// <summary>The <c>type</c> URIs of this API's problem details (RFC 9457), relative to the API's origin.</summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string NotFound = "/problems/not-found";
    public const string Unauthenticated = "/problems/unauthenticated";
    public const string Forbidden = "/problems/forbidden";
    public const string InvalidTransition = "/problems/invalid-transition";
    public const string RuleViolation = "/problems/rule-violation";
    public const string ConcurrencyConflict = "/problems/concurrency-conflict";
    public const string PreconditionFailed = "/problems/precondition-failed";
    public const string Duplicate = "/problems/duplicate";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string PayloadTooLarge = "/problems/payload-too-large";
    public const string TooManyRequests = "/problems/too-many-requests";
    public const string ServiceUnavailable = "/problems/service-unavailable";

    /// <summary>A statement outran the database's statement timeout and was stopped (503, with Retry-After).</summary>
    public const string TimedOut = "/problems/timed-out";
    public const string ServerError = "/problems/server-error";
}
