namespace OrderTracking.Application.Common.Exceptions;

/// <summary>The caller is not (or no longer) signed in, or its credentials were refused (HTTP 401).</summary>
public sealed class UnauthenticatedException(string message = "Authentication is required.") : Exception(message);
