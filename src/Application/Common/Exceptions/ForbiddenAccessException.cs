namespace OrderTracking.Application.Common.Exceptions;

/// <summary>The caller is signed in but its role may not send this request (HTTP 403).</summary>
public sealed class ForbiddenAccessException(string message = "You do not have permission to do this.") : Exception(message);
