using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Application.Common.Events;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Every announcement leaves through the outbox: written in the change's transaction, dispatched after commit to the
/// Application's event handlers (live updates among them), swept when nobody dispatched it, once across instances.
/// </summary>
public sealed class OutboxTests(OutboxTests.Factory api) : IClassFixture<OutboxTests.Factory>
{
    /// <summary>A short sweep and retry delay, so what only the sweep or a retry can deliver arrives within the test's wait.</summary>
    public class Factory : ApiFactory
    {
        public EventProbe Probe { get; } = new();

        protected virtual string? SharedConnectionString => null;

        protected override IDictionary<string, string?> ExtraSettings
        {
            get
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Outbox:SweepInterval"] = "00:00:01",
                    ["Outbox:FirstRetryDelay"] = "00:00:00.200",
                };
                if (SharedConnectionString is { } shared)
                {
                    settings["ConnectionStrings:OrderTracking"] = shared;
                }

                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Probe)
                .AddScoped<IDomainEventHandler<OrderCreated>, ProbeHandler>()
                .AddScoped<IDomainEventHandler<OrderStatusChanged>, SlowProbeHandler>());
        }
    }

    /// <summary>A second instance of the same app on the first one's database.</summary>
    private sealed class SecondInstance(string connectionString, EventProbe probe) : Factory
    {
        protected override string? SharedConnectionString => connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(probe));
        }
    }

    /// <summary>Records each OrderCreated a handler was given, by outbox id; fails the first attempt for the merchants it is told to.</summary>
    public sealed class EventProbe
    {
        public ConcurrentDictionary<Guid, int> Handled { get; } = new();
        public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
        public ConcurrentDictionary<Guid, bool> FailOnceForMerchant { get; } = new();
        public SlowProbe Slow { get; } = new();
    }

    /// <summary>For the orders it is told to watch, takes 100 ms per status change and records when each ran.</summary>
    public sealed class SlowProbe
    {
        private int _running;
        private int _mostAtOnce;

        public ConcurrentDictionary<Guid, bool> Watched { get; } = new();
        public ConcurrentQueue<(Guid OrderId, OrderStatus To, long Started, long Ended)> Runs { get; } = new();
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task RunAsync(OrderStatusChanged change, CancellationToken cancellationToken)
        {
            if (!Watched.ContainsKey(change.OrderId))
            {
                return;
            }

            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            Interlocked.Decrement(ref _running);
            Runs.Enqueue((change.OrderId, change.To, started, System.Diagnostics.Stopwatch.GetTimestamp()));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }

    private sealed class SlowProbeHandler(EventProbe probe) : IDomainEventHandler<OrderStatusChanged>
    {
        public Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
            probe.Slow.RunAsync(domainEvent, cancellationToken);
    }

    private sealed class ProbeHandler(EventProbe probe) : IDomainEventHandler<OrderCreated>
    {
        public Task HandleAsync(OrderCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        {
            var attempt = probe.Attempts.AddOrUpdate(context.EventId, 1, (_, n) => n + 1);
            if (probe.FailOnceForMerchant.ContainsKey(domainEvent.MerchantId) && attempt == 1)
            {
                throw new InvalidOperationException("The receiver is down (the first time).");
            }

            probe.Handled.AddOrUpdate(context.EventId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    private async Task<(HttpClient Client, TestUser User, HubListener Live)> MerchantListeningAsync()
    {
        var (client, user) = await api.SignedInAsync(UserRole.Merchant);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;
        return (client, user, await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(token)));
    }

    private async Task<T> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"Gave up waiting for {what}. The outbox's log:\n" + string.Join('\n', api.Logs.Lines.Where(line => line.Contains("outbox", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Trace", StringComparison.Ordinal) && !line.StartsWith("Debug", StringComparison.Ordinal))));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_change_writes_its_event_to_the_outbox_in_its_transaction_and_the_row_is_marked_dispatched()
    {
        var (merchant, user, live) = await MerchantListeningAsync();
        await using var _ = live;

        var order = await merchant.CreateOrderAsync();
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        await WaitUntilAsync(
            async () => await QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND dispatched_at IS NOT NULL", ("id", order.Id)) == 2,
            "both rows marked dispatched");
        await live.WaitForAsync(l => l.OrderChanges(order.Id).Count() == 2, "the creation and the confirmation");
        Assert.Equal(
            "OrderCreated,OrderStatusChanged",
            await QueryAsync<string>("SELECT string_agg(type, ',' ORDER BY occurred_at) FROM outbox_messages WHERE aggregate_id = @id AND aggregate_type = 'Order'", ("id", order.Id)));
        Assert.Equal(user.Id.ToString(), await QueryAsync<string>("SELECT payload->>'merchantId' FROM outbox_messages WHERE aggregate_id = @id AND type = 'OrderStatusChanged'", ("id", order.Id)));
    }

    [Fact]
    public async Task An_event_committed_but_never_dispatched_is_delivered_by_the_sweep()
    {
        var (merchant, user, live) = await MerchantListeningAsync();
        await using var _ = live;
        var order = await merchant.CreateOrderAsync();
        await live.WaitForAsync(l => l.OrderChanges(order.Id).Any(), "the creation");

        // An instance that committed this row and died before dispatching it: no in-process wake, and (replica role,
        // so the insert trigger stays silent) no NOTIFY either. Only the sweep can find it.
        var confirmed = new OrderStatusChanged(order.Id, OrderStatus.Pending, OrderStatus.Confirmed, DateTimeOffset.UtcNow)
        {
            TrackingCode = order.TrackingCode,
            MerchantId = user.Id,
        };
        // Written as an older version wrote it, with a field the event no longer has: it must still be read.
        var payload = JsonNode.Parse(DomainEventTypes.Serialize(confirmed))!.AsObject();
        payload["orderCreatedAt"] = DateTimeOffset.UtcNow;
        var rowId = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                SET session_replication_role = replica;
                INSERT INTO outbox_messages (id, type, aggregate_type, aggregate_id, payload, occurred_at, attempts)
                VALUES (@id, 'OrderStatusChanged', 'Order', @order, @payload::jsonb, now(), 0);
                """,
                connection);
            insert.Parameters.AddWithValue("id", rowId);
            insert.Parameters.AddWithValue("order", order.Id);
            insert.Parameters.AddWithValue("payload", payload.ToJsonString());
            await insert.ExecuteNonQueryAsync();
        }

        await live.WaitForAsync(l => l.OrderChanges(order.Id).Any(m => m.GetProperty("status").GetString() == "Confirmed"), "the swept announcement");
        await WaitUntilAsync(async () => await QueryAsync<bool>("SELECT dispatched_at IS NOT NULL FROM outbox_messages WHERE id = @id", ("id", rowId)), "the row marked dispatched");
    }

    [Fact]
    public async Task A_failing_handler_is_retried_later_and_holds_up_no_other_handler_and_no_other_event()
    {
        var (merchant, user, live) = await MerchantListeningAsync();
        await using var _ = live;
        api.Probe.FailOnceForMerchant[user.Id] = true;

        var unlucky = await merchant.CreateOrderAsync();
        await live.WaitForAsync(l => l.OrderChanges(unlucky.Id).Any(), "the live update, from the handler beside the failing one");
        var (other, _) = await api.SignedInAsync(UserRole.Merchant);
        var next = await other.CreateOrderAsync();

        var rowId = await QueryAsync<Guid>("SELECT id FROM outbox_messages WHERE aggregate_id = @id", ("id", unlucky.Id));
        var nextRowId = await QueryAsync<Guid>("SELECT id FROM outbox_messages WHERE aggregate_id = @id", ("id", next.Id));
        await WaitUntilAsync(async () => await QueryAsync<bool>("SELECT dispatched_at IS NOT NULL FROM outbox_messages WHERE id = @id", ("id", rowId)), "the retry");
        await WaitUntilAsync(async () => await QueryAsync<bool>("SELECT dispatched_at IS NOT NULL FROM outbox_messages WHERE id = @id", ("id", nextRowId)), "the next event");
        Assert.Equal((2, 1), (api.Probe.Attempts[rowId], api.Probe.Handled[rowId]));
        Assert.Equal(1, await QueryAsync<int>("SELECT attempts FROM outbox_messages WHERE id = @id", ("id", rowId)));
        Assert.Equal((1, 1), (api.Probe.Attempts[nextRowId], api.Probe.Handled[nextRowId]));
    }

    [Fact]
    public async Task A_rolled_back_idempotent_request_writes_no_outbox_row_and_announces_nothing()
    {
        var (merchant, user, live) = await MerchantListeningAsync();
        await using var _ = live;
        const string key = "roll-back-at-commit";

        // The key, the order, its items, its history entry and its outbox row are one batch without a transaction of its
        // own; its last statement, the outbox row's INSERT, fails, and PostgreSQL takes the whole batch back.
        await QueryAsync<object>(
            $"""
            CREATE FUNCTION fail_outbox_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'simulated failure at the end of the batch'; END $$;
            CREATE TRIGGER fail_outbox_row BEFORE INSERT ON outbox_messages
                FOR EACH ROW WHEN (NEW.payload->>'merchantId' = '{user.Id}') EXECUTE FUNCTION fail_outbox_row();
            SELECT 1;
            """);
        var failed = await merchant.SendAsync(KeyedCreate(key));
        await QueryAsync<object>("DROP TRIGGER fail_outbox_row ON outbox_messages; SELECT 1;");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0L, await QueryAsync<long>("SELECT count(*) FROM orders WHERE merchant_id = @merchant", ("merchant", user.Id)));
        Assert.Equal(0L, await QueryAsync<long>("SELECT count(*) FROM idempotency_records WHERE key = @key", ("key", key)));

        // A later announcement to the same merchant proves everything before it has been dispatched. The key was left
        // unused, so the client's retry with it does the work.
        var retried = await merchant.SendAsync(KeyedCreate(key));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        var sentinel = await retried.ReadAsync<OrderResponse>();
        await live.WaitForAsync(l => l.OrderChanges(sentinel.Id).Any(), "the retried order");

        Assert.All(live.Received, m => Assert.Equal(sentinel.Id, m.Payload.GetProperty("orderId").GetGuid()));
        Assert.Equal(1L, await QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE payload->>'merchantId' = @merchant", ("merchant", user.Id.ToString())));
        Assert.Equal(1L, await QueryAsync<long>("SELECT count(*) FROM orders WHERE merchant_id = @merchant", ("merchant", user.Id)));
    }

    private static HttpRequestMessage KeyedCreate(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(OrderRequests.ValidOrder(customerName: "Rolled Back")) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Two_instances_on_one_database_handle_each_event_once()
    {
        await using var second = new SecondInstance(api.ConnectionString, api.Probe);
        await second.InitializeAsync();
        var (onFirst, user) = await api.SignedInAsync(UserRole.Merchant);
        var onSecond = await second.ClientForAsync(user);

        // Each instance wakes itself at its commits and the other through NOTIFY, so both race for every row.
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? onFirst : onSecond).CreateOrderAsync()));

        var ids = created.Select(o => o.Id).ToArray();
        await WaitUntilAsync(
            async () => await QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE aggregate_id = ANY(@ids) AND dispatched_at IS NOT NULL", ("ids", ids)) == ids.Length,
            "every creation dispatched");
        var rowIds = new List<Guid>();
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var select = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE aggregate_id = ANY(@ids)", connection);
            select.Parameters.AddWithValue("ids", ids);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rowIds.Add(reader.GetGuid(0));
            }
        }

        Assert.Equal(ids.Length, rowIds.Count);
        Assert.All(rowIds, id => Assert.Equal(1, api.Probe.Handled.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task One_pass_handles_different_orders_events_side_by_side_and_each_orders_events_in_their_order()
    {
        // Three orders with four status changes each, committed together, so one dispatch pass claims all twelve.
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var orders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => merchant.CreateOrderAsync()));
        OrderStatus[] path = [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.Cancelled];
        var started = DateTimeOffset.UtcNow;
        var rows = new List<Guid>();
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var batch = new NpgsqlBatch(connection);
            var from = OrderStatus.Pending;
            for (var step = 0; step < path.Length; step++)
            {
                foreach (var order in orders)
                {
                    api.Probe.Slow.Watched[order.Id] = true;
                    var change = new OrderStatusChanged(order.Id, from, path[step], started.AddMilliseconds(step))
                    {
                        TrackingCode = order.TrackingCode,
                        MerchantId = user.Id,
                    };
                    var id = Guid.CreateVersion7();
                    rows.Add(id);
                    var insert = new NpgsqlBatchCommand(
                        "INSERT INTO outbox_messages (id, type, aggregate_type, aggregate_id, payload, occurred_at, attempts) VALUES ($1, 'OrderStatusChanged', 'Order', $2, $3::jsonb, $4, 0)");
                    insert.Parameters.Add(new NpgsqlParameter { Value = id });
                    insert.Parameters.Add(new NpgsqlParameter { Value = order.Id });
                    insert.Parameters.Add(new NpgsqlParameter { Value = DomainEventTypes.Serialize(change) });
                    insert.Parameters.Add(new NpgsqlParameter { Value = change.OccurredAt });
                    batch.BatchCommands.Add(insert);
                }

                from = path[step];
            }

            await batch.ExecuteNonQueryAsync();
        }

        await WaitUntilAsync(
            async () => await QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = ANY(@ids) AND dispatched_at IS NOT NULL", ("ids", rows.ToArray())) == rows.Count,
            "the twelve rows dispatched");
        var runs = api.Probe.Slow.Runs.Where(r => orders.Any(o => o.Id == r.OrderId)).ToList();
        Assert.Equal(12, runs.Count);
        foreach (var order in orders)
        {
            var ofOrder = runs.Where(r => r.OrderId == order.Id).OrderBy(r => r.Started).ToList();
            Assert.Equal(path, ofOrder.Select(r => r.To));
            Assert.All(ofOrder.Zip(ofOrder.Skip(1)), pair => Assert.True(pair.First.Ended <= pair.Second.Started, "One order's events overlapped."));
        }

        Assert.True(api.Probe.Slow.MostAtOnce >= 2, $"At most {api.Probe.Slow.MostAtOnce} status change was handled at once.");
    }
}
