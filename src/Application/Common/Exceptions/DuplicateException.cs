namespace OrderTracking.Application.Common.Exceptions;

/// <summary>A unique rule would be broken, such as a second user with the same email (HTTP 409).</summary>
public sealed class DuplicateException(string message) : Exception(message);
