using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class ClaimRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_couriers_claiming_one_order_at_the_same_moment_one_wins_one_gets_409_and_one_history_entry_is_written()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier1, courier1User) = await api.SignedInAsync(UserRole.Delivery);
        var (courier2, courier2User) = await api.SignedInAsync(UserRole.Delivery);

        for (var round = 0; round < 5; round++)
        {
            var order = await merchant.ReadyForPickupAsync();
            using var start = new SemaphoreSlim(0, 2);
            var claims = new[] { courier1, courier2 }.Select(async courier =>
            {
                await start.WaitAsync();
                return await courier.PostAsync($"/api/orders/{order.Id}/claim", null);
            }).ToArray();
            start.Release(2);
            var responses = await Task.WhenAll(claims);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync<OrderResponse>();
            Assert.Contains(winner.AssignedCourierId, new Guid?[] { courier1User.Id, courier2User.Id });
            var history = await merchant.GetFromJsonAsync<List<HistoryEntryResponse>>($"/api/orders/{order.Id}/history", Json.Options);
            Assert.Single(history!, h => h.Note?.StartsWith("Claimed by", StringComparison.Ordinal) == true);
            var stored = await merchant.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options);
            Assert.Equal(winner.AssignedCourierId, stored!.AssignedCourierId);
        }
    }
}
