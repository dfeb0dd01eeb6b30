using System.Diagnostics;
using System.Net;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Every statement of a request runs under the database's statement timeout (2 s here, 30 s by default): a statement that
/// outruns it (here, one waiting for a lock another session holds for much longer) is cut off by the server, and the
/// request answers an honest 503 problem, never a 500 and never after the lock is gone. Nothing it was changing stays.
/// </summary>
public sealed class StatementTimeoutTests(StatementTimeoutTests.Factory api) : IClassFixture<StatementTimeoutTests.Factory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the other session holds its lock: far past the timeout, so only the timeout can end the wait.</summary>
    private static readonly TimeSpan LockHeld = TimeSpan.FromSeconds(30);

    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Database:StatementTimeoutSeconds"] = Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task A_read_and_a_write_waiting_longer_than_the_timeout_are_cut_off_with_503_and_change_nothing()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        await using (var locker = await LockOrdersAsync())
        {
            var clock = Stopwatch.StartNew();
            var read = await merchant.GetAsync($"/api/orders/{order.Id}");
            var write = await merchant.ChangeStatusAsync(order.Id, OrderStatus.Confirmed);
            var waited = clock.Elapsed;

            foreach (var response in new[] { read, write })
            {
                await response.ShouldBeAsync(HttpStatusCode.ServiceUnavailable);
                var problem = await response.ProblemAsync();
                Assert.Equal(("/problems/timed-out", 503), (problem.Type, problem.Status));
                Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            }

            // Each waited for the timeout once (a timed-out statement is not tried again), well within the lock's hold.
            Assert.InRange(waited, 2 * Timeout, LockHeld);
            Assert.DoesNotContain(api.Logs.Lines, line => line.Contains("will be retried", StringComparison.Ordinal));
        }

        var after = await merchant.GetAsync($"/api/orders/{order.Id}");
        await after.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(OrderStatus.Pending, (await after.ReadAsync<OrderResponse>()).Status);
        Assert.DoesNotContain(api.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("Unhandled", StringComparison.Ordinal));
    }

    /// <summary>Another session takes the orders table for itself and lets go when disposed, or after <see cref="LockHeld"/> at the latest.</summary>
    private async Task<IAsyncDisposable> LockOrdersAsync()
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new HeldLock(connection, transaction);
    }

    private sealed class HeldLock : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly Timer _release;

        public HeldLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;

            // A bound for the old code, where nothing cuts the wait off: the lock goes and the request then succeeds.
            _release = new Timer(_ => _connection.Close(), null, LockHeld, System.Threading.Timeout.InfiniteTimeSpan);
        }

        public async ValueTask DisposeAsync()
        {
            await _release.DisposeAsync();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
