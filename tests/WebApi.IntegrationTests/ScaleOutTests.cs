using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Several WebApi processes over one PostgreSQL, with Redis as the SignalR backplane, as they run behind a load balancer.</summary>
public sealed class ScaleOutTests
{
    private static async Task<string> EmptyDatabaseAsync() => await (await PostgresServer.InstanceAsync()).CreateEmptyDatabaseAsync();

    private static async Task<HttpClient> AdminClientAsync(string connectionString, WebApiProcess instance)
    {
        var (exitCode, output) = await WebApiProcess.RunVerbAsync(connectionString, "create-admin", "--email", "ops@example.com", "--password", "Scale-out-admin-1", "--name", "Ops");
        Assert.True(exitCode == 0, output);
        var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "ops@example.com", password = "Scale-out-admin-1" });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadAsync<LoginResponse>()).AccessToken);
        return client;
    }

    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_end_with_one_correct_schema()
    {
        var database = await EmptyDatabaseAsync();

        await using var a = WebApiProcess.Start(database, null, migrateOnStartup: true);
        await using var b = WebApiProcess.Start(database, null, migrateOnStartup: true);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("SELECT count(*), count(DISTINCT migration_id) FROM __ef_migrations_history", connection);
        await using var reader = await history.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();
        var expected = typeof(OrderTracking.Infrastructure.Persistence.AppDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        Assert.Equal((expected, expected), ((int)rows, (int)distinct));

        var admin = await AdminClientAsync(database, a);
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "m@example.com", password = "Merchant123!", displayName = "M", role = "Merchant" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_client_on_instance_A_hears_a_change_made_through_instance_B()
    {
        var database = await EmptyDatabaseAsync();
        Assert.Equal(0, (await WebApiProcess.RunVerbAsync(database, "migrate")).ExitCode);
        await using var redis = await RedisServer.StartAsync();
        await using var a = WebApiProcess.Start(database, redis.ConnectionString);
        await using var b = WebApiProcess.Start(database, redis.ConnectionString);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        var adminOnB = await AdminClientAsync(database, b);
        var token = adminOnB.DefaultRequestHeaders.Authorization!.Parameter;

        var received = new List<JsonElement>();
        await using var hubOnA = new HubConnectionBuilder()
            .WithUrl(new Uri(a.BaseAddress, "/hubs/orders"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        hubOnA.On<JsonElement>("orderChanged", payload => { lock (received) { received.Add(payload); } });
        await hubOnA.StartAsync();
        await hubOnA.InvokeAsync("UnsubscribeFromTracking", HubListener.UnknownTrackingCode);

        var merchant = await adminOnB.PostAsJsonAsync("/api/users", new { email = "m@example.com", password = "Merchant123!", displayName = "M", role = "Merchant" });
        var merchantId = (await merchant.ReadAsync<UserResponse>()).Id;
        var order = await adminOnB.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder(merchantId: merchantId));
        await order.ShouldBeAsync(HttpStatusCode.Created);
        var orderId = (await order.ReadAsync<OrderResponse>()).Id;

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !Has())
        {
            await Task.Delay(50);
        }

        Assert.True(Has(), $"instance A's client did not hear about the order created on B. A:\n{a.Output}\nB:\n{b.Output}");

        bool Has()
        {
            lock (received)
            {
                return received.Any(p => p.GetProperty("orderId").GetGuid() == orderId);
            }
        }
    }

    [Fact]
    public async Task A_request_in_flight_during_SIGTERM_completes_and_the_instance_then_exits_cleanly()
    {
        var database = await EmptyDatabaseAsync();
        Assert.Equal(0, (await WebApiProcess.RunVerbAsync(database, "migrate")).ExitCode);
        await using var instance = WebApiProcess.Start(database, null);
        await instance.WaitUntilReadyAsync();
        var admin = await AdminClientAsync(database, instance);
        const int orders = 100_000;
        await SeedOrdersAsync(database, orders);

        using var response = await admin.GetAsync("/api/orders/export", HttpCompletionOption.ResponseHeadersRead);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var lines = buffer.AsSpan(0, await body.ReadAsync(buffer)).Count((byte)'\n');

        // Read nothing more until the instance is shutting down. The export (about 19 MB) is far more than the socket
        // buffers hold (a few MB), so the instance cannot have finished it yet, however fast or slow the machine is.
        instance.Terminate();
        await instance.WaitUntilRefusingConnectionsAsync();
        Assert.False(instance.HasExited, "the instance exited after SIGTERM without finishing the export in flight");

        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        Assert.Equal(orders + 1, lines);
        await instance.WaitForExitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(0, instance.ExitCode);
    }

    /// <summary>Inserts many orders straight into the tables, each with one item and its creation entry.</summary>
    private static async Task SeedOrdersAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO orders (id, tracking_code, merchant_id, status, customer_name, customer_phone, delivery_address_line1,
                delivery_address_city, delivery_address_postal_code, delivery_address_country, currency, total, created_at, updated_at)
            SELECT gen_random_uuid(), 'OT-' || lpad(upper(to_hex(n)), 10, '0'), gen_random_uuid(), 'Pending', 'Customer ' || n, '+44 7700 900123',
                n || ' High Street', 'London', 'SW1A 1AA', 'United Kingdom', 'GBP', 9.99, now() - n * interval '1 second', now()
            FROM generate_series(1, @count) AS n;
            INSERT INTO order_items (order_id, name, quantity, unit_price) SELECT id, 'Thing', 1, 9.99 FROM orders;
            """,
            connection);
        command.Parameters.AddWithValue("count", count);
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync();
    }
}
