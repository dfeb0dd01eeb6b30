using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Every history entry says what it records, so timelines tell a claim or an assignment from a status change; the
/// public timeline keeps status changes only; entries written before kinds existed get the right one on migration.
/// </summary>
public sealed class HistoryKindTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string MigrationBeforeKinds = "20261129213911_UserSessionVersion";

    private sealed record PublicTimelineResponse(IReadOnlyList<PublicEventResponse> Timeline);

    private sealed record PublicEventResponse(string Status);

    /// <summary>One order assigned by its merchant, then reassigned by an admin; another claimed by a courier. Both picked up.</summary>
    private async Task<(Guid Assigned, Guid Claimed, HttpClient Merchant)> AssignedAndClaimedOrdersAsync()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);

        var assigned = await merchant.ReadyForPickupAsync();
        await (await merchant.PostAsJsonAsync($"/api/orders/{assigned.Id}/assignment", new { courierId = courierUser.Id })).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/orders/{assigned.Id}/assignment", new { courierId = courierUser.Id })).ShouldBeAsync(HttpStatusCode.OK);
        await courier.MoveAsync(assigned.Id, OrderStatus.PickedUp);

        var claimed = await merchant.ReadyForPickupAsync();
        await (await courier.PostAsync($"/api/orders/{claimed.Id}/claim", null)).ShouldBeAsync(HttpStatusCode.OK);
        await courier.MoveAsync(claimed.Id, OrderStatus.PickedUp);
        return (assigned.Id, claimed.Id, merchant);
    }

    private static async Task<List<string>> KindsAsync(HttpClient client, Guid orderId) =>
        (await client.GetFromJsonAsync<List<KindedHistoryEntryResponse>>($"/api/orders/{orderId}/history", Json.Options))!.Select(h => h.Kind).ToList();

    private static readonly string[] AssignedKinds = ["StatusChange", "StatusChange", "StatusChange", "StatusChange", "Assignment", "Assignment", "StatusChange"];
    private static readonly string[] ClaimedKinds = ["StatusChange", "StatusChange", "StatusChange", "StatusChange", "Claim", "StatusChange"];

    [Fact]
    public async Task The_timeline_tells_status_changes_assignments_and_claims_apart_and_the_public_one_keeps_status_changes()
    {
        var (assigned, claimed, merchant) = await AssignedAndClaimedOrdersAsync();

        Assert.Equal(AssignedKinds, await KindsAsync(merchant, assigned));
        Assert.Equal(ClaimedKinds, await KindsAsync(merchant, claimed));
        var claim = (await merchant.GetFromJsonAsync<List<KindedHistoryEntryResponse>>($"/api/orders/{claimed}/history", Json.Options))!.Single(h => h.Kind == "Claim");
        Assert.Equal(("Delivery", "ReadyForPickup", "ReadyForPickup"), (claim.ActorType, claim.From, claim.To));

        var trackingCode = await api.WithDbAsync(db => db.Orders.Where(o => o.Id == claimed).Select(o => o.TrackingCode).SingleAsync());
        var timeline = await api.CreateClient().GetFromJsonAsync<PublicTimelineResponse>($"/api/tracking/{trackingCode}", Json.Options);
        Assert.Equal(["Pending", "Confirmed", "Preparing", "ReadyForPickup", "PickedUp"], timeline!.Timeline.Select(e => e.Status));
    }

    [Fact]
    public async Task Migrating_gives_entries_written_before_kinds_existed_the_kind_they_record()
    {
        var (assigned, claimed, merchant) = await AssignedAndClaimedOrdersAsync();

        await api.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(MigrationBeforeKinds);
            Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM information_schema.columns WHERE table_name = 'order_history' AND column_name = 'kind'""").SingleAsync());
            await migrator.MigrateAsync();
            return 0;
        });

        Assert.Equal(AssignedKinds, await KindsAsync(merchant, assigned));
        Assert.Equal(ClaimedKinds, await KindsAsync(merchant, claimed));
    }
}
