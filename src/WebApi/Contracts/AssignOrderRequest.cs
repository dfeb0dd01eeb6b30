
namespace OrderTracking.WebApi.Contracts;

/// <summary>Who delivers the order: exactly one of a courier (a user with the Delivery role) or a delivery partner.</summary>
public sealed record AssignOrderRequest(Guid? CourierId, Guid? PartnerId);
