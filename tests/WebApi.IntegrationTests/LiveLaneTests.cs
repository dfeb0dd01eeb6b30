using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Live updates have a lane of their own (ADR 0039): the instance that commits a change announces it without waiting
/// for its outbox dispatcher, whose handlers (webhook planning above all) may be behind; and an event another
/// instance committed and never dispatched is still announced, by the instance that takes it over.
/// </summary>
public sealed class LiveLaneTests(NextInstanceFactory api) : IClassFixture<NextInstanceFactory>
{
    /// <summary>An instance whose outbox dispatcher never runs, as if it were stuck behind a backlog for good.</summary>
    private sealed class DispatcherStuck(string connectionString) : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["ConnectionStrings:OrderTracking"] = connectionString };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxDispatcher));
                services.Remove(dispatcher);
            });
        }
    }

    private async Task<int> UndispatchedAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND dispatched_at IS NULL", connection);
        count.Parameters.AddWithValue("id", orderId);
        return Convert.ToInt32(await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_instance_that_commits_a_change_announces_it_while_its_outbox_dispatcher_does_not_run()
    {
        await using var stuck = new DispatcherStuck(api.ConnectionString);
        var (merchant, _) = await stuck.SignedInAsync(UserRole.Merchant);
        var token = merchant.DefaultRequestHeaders.Authorization!.Parameter;
        await using var live = await HubListener.ConnectAsync(stuck, () => Task.FromResult<string?>(token));

        var order = await merchant.CreateOrderAsync();
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        await live.WaitForAsync(l => l.OrderChanges(order.Id).Count() == 2, "the creation and the confirmation, live");
        Assert.Equal(["Pending", "Confirmed"], live.OrderChanges(order.Id).Select(c => c.GetProperty("status").GetString()));

        // Heard, and not through the outbox: both events still wait there for the other handlers.
        Assert.Equal(2, await UndispatchedAsync(order.Id));
    }

    [Fact]
    public async Task An_event_committed_by_an_instance_that_died_is_announced_by_the_instance_that_takes_it_over()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var token = merchant.DefaultRequestHeaders.Authorization!.Parameter;
        await using var live = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(token));

        OrderResponse order;
        await using (var dying = new DiesAfterCommit(api.ConnectionString))
        {
            order = await (await dying.ClientForAsync(user)).CreateOrderAsync();
        }

        // The dead instance announced nothing; this one takes the row over (after the takeover delay) and announces it.
        await live.WaitForAsync(l => l.OrderChanges(order.Id).Any(), "the dead instance's order, announced by this one", TimeSpan.FromSeconds(30));
        await Eventually.WaitForAsync(() => UndispatchedAsync(order.Id), undispatched => undispatched == 0);
        Assert.Equal(0, await UndispatchedAsync(order.Id));
        Assert.Equal("Pending", Assert.Single(live.OrderChanges(order.Id)).GetProperty("status").GetString());
    }
}
