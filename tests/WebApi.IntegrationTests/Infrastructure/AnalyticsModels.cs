using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public sealed record AnalyticsSummaryResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    int TotalOrders,
    IReadOnlyList<StatusCountResponse> StatusCounts,
    IReadOnlyList<DailyCountResponse> OrdersPerDay,
    DeliveryTimeResponse DeliveryTime,
    OnTimeResponse OnTime,
    IReadOnlyList<StatusDurationResponse> TimeInStatus,
    IReadOnlyList<FailureReasonResponse> FailureReasons,
    IReadOnlyList<MerchantRankingResponse>? TopMerchants)
{
    public int CountOf(OrderStatus status) => StatusCounts.Single(s => s.Status == status).Orders;

    public StatusDurationResponse TimeIn(OrderStatus status) => TimeInStatus.Single(s => s.Status == status);
}

public sealed record StatusCountResponse(OrderStatus Status, int Orders);

public sealed record DailyCountResponse(DateOnly Date, int Orders);

public sealed record DeliveryTimeResponse(int DeliveredOrders, double? AverageMinutes, double? P90Minutes);

public sealed record OnTimeResponse(int DeliveredWithEstimate, int DeliveredOnTime, int DeliveredWithoutEstimate, double? Rate);

public sealed record StatusDurationResponse(OrderStatus Status, int Orders, double? AverageMinutes);

public sealed record FailureReasonResponse(DeliveryFailureReason Reason, int Attempts);

public sealed record MerchantRankingResponse(Guid MerchantId, string Name, int Orders, int DeliveredOrders);
