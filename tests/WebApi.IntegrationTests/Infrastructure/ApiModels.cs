using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

// The shapes of the API's JSON as an outside client sees them; deliberately not the server's own types.
public sealed record LoginResponse(string AccessToken, string? RefreshToken, int ExpiresIn, UserResponse User);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, UserRole Role, bool IsActive);

public sealed record OrderResponse(
    Guid Id,
    string TrackingCode,
    Guid MerchantId,
    OrderStatus Status,
    JsonElement Customer,
    JsonElement DeliveryAddress,
    IReadOnlyList<JsonElement> Items,
    string Currency,
    decimal Total,
    Guid? AssignedCourierId,
    Guid? AssignedPartnerId,
    DateTimeOffset CreatedAt,
    uint Version,
    IReadOnlyList<OrderStatus> AllowedTransitions,
    bool IsOverdue = false);

public sealed record OrderPageResponse(IReadOnlyList<OrderResponse> Items, string? NextCursor);

public sealed record HistoryEntryResponse(OrderStatus? From, OrderStatus To, DateTimeOffset At, string ActorType, Guid ActorId, string ActorName, string? Note, string? Reason);

public sealed record ProblemResponse(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
