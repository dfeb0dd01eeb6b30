using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The application's pools prepare a statement on the server once it repeats on a connection (Npgsql's automatic
/// preparation, <see cref="DatabaseOptions.MaxAutoPrepare"/>), so PostgreSQL parses and plans the tracking page's
/// statement once per connection instead of on every request: its planning took about six times its execution.
/// </summary>
public sealed class PreparedStatementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Statement = "SELECT count(*) FROM orders AS o WHERE o.tracking_code = $1 /* prepared-statement-test */";

    [Fact]
    public async Task A_statement_that_repeats_on_a_pooled_connection_is_prepared_on_the_server()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        var connections = api.Services.GetRequiredService<DatabaseConnections>();

        await using var connection = await connections.Application.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            await using var command = new NpgsqlCommand(Statement, connection) { Parameters = { new() { Value = order.TrackingCode } } };
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%prepared-statement-test%' AND statement NOT LIKE '%pg_prepared_statements%'", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }
}
