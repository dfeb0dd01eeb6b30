using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class ConcurrentStatusChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Twenty_concurrent_status_changes_leave_a_legal_history_with_each_step_once_and_nothing_lost()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        OrderStatus[] targets = [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.Cancelled];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            merchant.ChangeStatusAsync(order.Id, targets[i % targets.Length], reason: "Changed my mind")));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var history = (await merchant.GetFromJsonAsync<List<HistoryEntryResponse>>($"/api/orders/{order.Id}/history", Json.Options))!;
        var changes = history.Skip(1).ToList();
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), changes.Count);
        Assert.Equal(changes.Count, changes.Select(h => h.To).Distinct().Count());
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.Second.From == pair.First.To), "every entry starts where the previous one ended");
        var final = await merchant.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options);
        Assert.Equal(history[^1].To, final!.Status);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await conflict.ProblemAsync();
            Assert.Matches("(invalid-transition|concurrency-conflict)$", problem.Type!);
        }
    }

    /// <summary>
    /// The one translation of a lost race: the unit of work refuses the stale save and names the status now in force,
    /// for every command alike (the handlers no longer catch and reword it).
    /// </summary>
    [Fact]
    public async Task A_save_that_lost_a_race_is_a_conflict_naming_the_status_now_in_force()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        var actor = new Actor(ActorType.Merchant, user.Id, user.DisplayName);
        await using var scope = api.Services.CreateAsyncScope();
        var stale = await scope.ServiceProvider.GetRequiredService<IOrderRepository>()
            .FindForUpdateAsync(OrderKey.ById(order.Id), OrderVisibility.For(actor), CancellationToken.None);

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        stale!.ChangeStatus(OrderStatus.Cancelled, new StatusChangeDetails(Reason: "Changed my mind"), actor, DateTimeOffset.UtcNow);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None));

        Assert.Contains("it is now Confirmed", conflict.Message);
        Assert.Equal(OrderStatus.Confirmed, (await (await merchant.GetAsync($"/api/orders/{order.Id}")).ReadAsync<OrderResponse>()).Status);

        // The stale save was one batch without a transaction of its own: its timeline entry met the winner's version
        // inside PostgreSQL, and the whole batch went, the history entry and the outbox row with it (the two rows left
        // are the creation's and the confirmation's).
        var steps = await api.WithDbAsync(db => Task.FromResult(db.OrderHistory.Where(h => h.OrderId == order.Id).OrderBy(h => h.Version).Select(h => h.To).ToList()));
        Assert.Equal([OrderStatus.Pending, OrderStatus.Confirmed], steps);
        Assert.Equal(2, await api.WithDbAsync(db => Task.FromResult(db.Set<OutboxMessage>().Count(m => m.AggregateId == order.Id))));
    }
}
