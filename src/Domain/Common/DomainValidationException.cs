namespace OrderTracking.Domain.Common;

/// <summary>
/// Input the domain cannot accept whatever the state (a missing cancel reason, a negative price).
/// Validators in the Application catch these first; this is the last line of defence. Answered with 400.
/// </summary>
public class DomainValidationException(string propertyName, string message) : Exception(message)
{
    public string PropertyName { get; } = propertyName;
}
