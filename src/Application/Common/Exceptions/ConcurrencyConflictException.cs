namespace OrderTracking.Application.Common.Exceptions;

/// <summary>
/// Someone else changed the resource between our read and our write. Answered with 412 when the caller
/// sent <c>If-Match</c> (its copy is stale), otherwise 409.
/// </summary>
public sealed class ConcurrencyConflictException(string message, bool preconditionSent = false) : Exception(message)
{
    public bool PreconditionSent { get; } = preconditionSent;
}
