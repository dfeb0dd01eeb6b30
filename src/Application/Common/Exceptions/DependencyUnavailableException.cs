namespace OrderTracking.Application.Common.Exceptions;

/// <summary>A service the request needs (other than the database) cannot be reached: a 503 with Retry-After, never a 500.</summary>
public sealed class DependencyUnavailableException(string message, Exception innerException) : Exception(message, innerException);
