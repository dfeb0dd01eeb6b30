namespace OrderTracking.Domain.Common;

/// <summary>
/// A request that the domain refuses because of the state it is in (for example picking up an order
/// nobody is assigned to). The WebApi answers it with 409.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
