using Microsoft.AspNetCore.Mvc;

namespace OrderTracking.WebApi.Idempotency;

/// <summary>
/// Marks an action that honours the <c>Idempotency-Key</c> header: the same key and body from the same caller
/// within 24 hours replays the first response and does nothing new; the same key with another body is 422; a repeat
/// while the first is still running gets the first's response once it is stored.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute() : TypeFilterAttribute(typeof(IdempotencyFilter))
{
    public const string HeaderName = "Idempotency-Key";
}
