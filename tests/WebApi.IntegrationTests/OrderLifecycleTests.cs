using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class OrderLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_order_walks_from_Pending_to_Delivered_each_step_made_by_the_role_the_table_names()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);

        var created = await merchant.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder());
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var order = await created.ReadAsync<OrderResponse>();
        Assert.Equal($"/api/orders/{order.Id}", created.Headers.Location!.AbsolutePath);
        Assert.Equal($"\"{order.Version}\"", created.Headers.ETag!.Tag);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(12.60m, order.Total);
        Assert.Equal(merchantUser.Id, order.MerchantId);
        Assert.Matches("^OT-[0-9A-HJKMNP-TV-Z]{10}$", order.TrackingCode);
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Cancelled], order.AllowedTransitions);

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await merchant.MoveAsync(order.Id, OrderStatus.Preparing);
        var ready = await merchant.MoveAsync(order.Id, OrderStatus.ReadyForPickup, note: "Bag on the shelf");
        Assert.Equal([OrderStatus.Cancelled], ready.AllowedTransitions);

        var claimed = await courier.PostAsync($"/api/orders/{order.Id}/claim", null);
        await claimed.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(courierUser.Id, (await claimed.ReadAsync<OrderResponse>()).AssignedCourierId);

        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        var inTransit = await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        Assert.Equal([OrderStatus.Delivered, OrderStatus.DeliveryFailed], inTransit.AllowedTransitions);
        var delivered = await courier.ChangeStatusAsync(order.Id, OrderStatus.Delivered, recipientName: "Jane", note: "Handed over");
        await delivered.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty((await delivered.ReadAsync<OrderResponse>()).AllowedTransitions);

        var history = await merchant.GetFromJsonAsync<List<HistoryEntryResponse>>($"/api/orders/{order.Id}/history", Json.Options);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.Delivered],
            history!.Select(h => h.To));
        Assert.Null(history![0].From);
        Assert.Equal(history.OrderBy(h => h.At).Select(h => h.At), history.Select(h => h.At));
        Assert.Equal(("Merchant", merchantUser.Id, merchantUser.DisplayName), (history[1].ActorType, history[1].ActorId, history[1].ActorName));
        Assert.Equal("Bag on the shelf", history[3].Note);
        Assert.Equal(("Delivery", courierUser.Id), (history[^1].ActorType, history[^1].ActorId));
        Assert.Contains("Jane", history[^1].Note);
    }

    [Fact]
    public async Task An_illegal_transition_is_409_naming_the_current_status_and_the_allowed_ones_and_changes_nothing()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var response = await merchant.ChangeStatusAsync(order.Id, OrderStatus.Delivered);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.EndsWith("/invalid-transition", problem.Type);
        Assert.Contains("Pending", problem.Detail);
        Assert.Contains("Confirmed", problem.Detail);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"allowed\":[\"Confirmed\",\"Cancelled\"]", body);
        var history = await merchant.GetFromJsonAsync<List<HistoryEntryResponse>>($"/api/orders/{order.Id}/history", Json.Options);
        Assert.Single(history!);
    }

    [Fact]
    public async Task A_legal_move_by_the_wrong_actor_is_403()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();

        var courierCancels = await courier.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, reason: "Too far");
        await merchant.PostAsync($"/api/orders/{order.Id}/status", JsonContent.Create(new { status = "PickedUp" }));
        var merchantPicksUp = await merchant.ChangeStatusAsync(order.Id, OrderStatus.PickedUp);

        Assert.Equal(HttpStatusCode.Forbidden, courierCancels.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merchantPicksUp.StatusCode);
        Assert.Equal(OrderStatus.ReadyForPickup, (await merchant.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options))!.Status);
    }

    [Fact]
    public async Task A_courier_cannot_create_orders()
    {
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var before = await api.WithDbAsync(db => Task.FromResult(db.Orders.Count()));

        var response = await courier.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count())));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_a_failed_delivery_needs_a_known_reason()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();

        var noReason = await merchant.ChangeStatusAsync(order.Id, OrderStatus.Cancelled);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", (await noReason.ProblemAsync()).Errors!.Keys);

        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        var unknownReason = await courier.ChangeStatusAsync(order.Id, OrderStatus.DeliveryFailed, reason: "Aliens");
        var otherWithoutNote = await courier.ChangeStatusAsync(order.Id, OrderStatus.DeliveryFailed, reason: "Other");
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutNote.StatusCode);
        Assert.Contains("note", (await otherWithoutNote.ProblemAsync()).Errors!.Keys);

        var failed = await courier.MoveAsync(order.Id, OrderStatus.DeliveryFailed, reason: "RecipientUnavailable");
        Assert.Equal([OrderStatus.InTransit, OrderStatus.Returned], failed.AllowedTransitions);
        var history = await courier.GetFromJsonAsync<List<HistoryEntryResponse>>($"/api/orders/{order.Id}/history", Json.Options);
        Assert.Equal("RecipientUnavailable", history![^1].Reason);
    }

    [Fact]
    public async Task An_admin_creates_orders_for_a_named_merchant_only()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var merchant = await api.CreateUserAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);

        var withoutMerchant = await admin.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder());
        var forCourier = await admin.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder(merchantId: courier.Id));
        var forMerchant = await admin.CreateOrderAsync(OrderRequests.ValidOrder(merchantId: merchant.Id));

        Assert.Equal(HttpStatusCode.BadRequest, withoutMerchant.StatusCode);
        Assert.Contains("merchantId", (await withoutMerchant.ProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, forCourier.StatusCode);
        Assert.Equal(merchant.Id, forMerchant.MerchantId);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_a_current_one_succeeds()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        var get = await merchant.GetAsync($"/api/orders/{order.Id}");
        var etag = get.Headers.ETag!.Tag;
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/status") { Content = JsonContent.Create(new { status = "Preparing" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleResponse = await merchant.SendAsync(stale);

        var fresh = await merchant.GetAsync($"/api/orders/{order.Id}");
        var current = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order.Id}/status") { Content = JsonContent.Create(new { status = "Preparing" }) };
        current.Headers.TryAddWithoutValidation("If-Match", fresh.Headers.ETag!.Tag);
        var currentResponse = await merchant.SendAsync(current);

        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        await currentResponse.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotEqual(fresh.Headers.ETag.Tag, currentResponse.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Assignment_puts_a_courier_in_charge_only_before_pickup()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.CreateOrderAsync();

        var both = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { courierId = courierUser.Id, partnerId = Guid.NewGuid() });
        var neither = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { });
        var notACourier = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { courierId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notACourier.StatusCode);

        var assigned = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { courierId = courierUser.Id });
        await assigned.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(courierUser.Id, (await assigned.ReadAsync<OrderResponse>()).AssignedCourierId);
        var seenByCourier = await courier.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options);
        Assert.Empty(seenByCourier!.AllowedTransitions);

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await merchant.MoveAsync(order.Id, OrderStatus.Preparing);
        await merchant.MoveAsync(order.Id, OrderStatus.ReadyForPickup);
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        var tooLate = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { courierId = courierUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
    }

    [Fact]
    public async Task Picking_up_an_unassigned_order_is_refused_even_for_an_admin()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var order = await merchant.ReadyForPickupAsync();

        var response = await admin.ChangeStatusAsync(order.Id, OrderStatus.PickedUp);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain(OrderStatus.PickedUp, (await admin.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options))!.AllowedTransitions);
    }
}
