using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>A merchant's order on its way with a courier, ready to be delivered with a proof.</summary>
public sealed record ProofScenario(HttpClient Merchant, TestUser MerchantUser, HttpClient Courier, TestUser CourierUser, OrderResponse Order)
{
    public static async Task<ProofScenario> InTransitAsync(ApiFactory api)
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        await (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).ShouldBeAsync(HttpStatusCode.OK);
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        return new ProofScenario(merchant, merchantUser, courier, courierUser, order);
    }

    public string ProofRoute => $"/api/orders/{Order.Id}/proof-of-delivery";

    public Task<HttpResponseMessage> DeliverAsync(HttpContent form, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ProofRoute) { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Courier.SendAsync(request);
    }

    public async Task SetPolicyAsync(object settings) =>
        await (await Merchant.PutAsJsonAsync($"/api/merchants/{MerchantUser.Id}/proof-of-delivery-settings", settings)).ShouldBeAsync(HttpStatusCode.OK);
}

/// <summary>A clock standing at one moment, for the retention rule.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public sealed record ProofOfDeliveryResponse(ProofRequirementsResponse Requirements, DeliveryProofResponse? Proof);

public sealed record ProofRequirementsResponse(string Photo, string Signature, string RecipientName, string Position);

public sealed record DeliveryProofResponse(
    string? RecipientName, bool PhotoTaken, bool RecipientSigned, bool HasPhoto, bool HasSignature,
    double? Latitude, double? Longitude, double? AccuracyMeters, DateTimeOffset? CapturedAt, DateTimeOffset RecordedAt, DateTimeOffset? FilesRemovedAt);

public sealed record TimelineEntryResponse(string Kind, OrderStatus? From, OrderStatus To, DateTimeOffset At, DateTimeOffset? OccurredAt, string? Note);
