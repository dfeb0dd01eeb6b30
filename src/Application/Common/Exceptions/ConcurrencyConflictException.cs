namespace OrderTracking.Application.Common.Exceptions;

/// <summary>
/// The resource is no longer the version the request was based on: another writer changed it first, or the caller's
/// expected version is stale. The API answers 412 when the request carried a precondition (<c>If-Match</c>), 409 otherwise.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
