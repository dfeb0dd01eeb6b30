using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A send's outcome is written on the delivery as its claim left it, never over what became of the row since: a send
/// that outlived its lease (an instance that stalled while another took the delivery over), or a save repeated after a
/// commit whose answer was lost, must not put an old attempt's result over a newer state.
/// </summary>
public sealed class WebhookStaleOutcomeTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    private async Task<(string Status, int Attempts, int? LastStatusCode)> RowAsync(Guid endpointId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT status, attempt_count, last_status_code FROM webhook_deliveries WHERE endpoint_id = @id", connection);
        select.Parameters.AddWithValue("id", endpointId);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
    }

    [Fact]
    public async Task An_outcome_that_comes_back_after_its_delivery_moved_on_is_dropped_and_the_newer_state_stays()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var answer = new TaskCompletionSource();
        receiver.Hold = answer.Task;
        receiver.Answer = (_, _) => 500;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);
        await merchant.CreateOrderAsync();

        // The send is in flight: the receiver has it and holds its answer.
        Assert.True(await Eventually.WaitForAsync(() => Task.FromResult(receiver.Arrived), n => n == 1) == 1, "the send never reached the receiver");

        // Meanwhile the delivery moved on, as when this send's lease ran out and another instance sent it again and it
        // was delivered.
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var takeOver = new NpgsqlCommand(
                """
                UPDATE webhook_deliveries
                SET status = 'Delivered', delivered_at = now(), attempt_count = attempt_count + 1, last_status_code = 200,
                    last_attempt_at = now(), last_error = NULL, claimed_until = NULL
                WHERE endpoint_id = @id
                """,
                connection);
            takeOver.Parameters.AddWithValue("id", endpoint.Endpoint.Id);
            Assert.Equal(1, await takeOver.ExecuteNonQueryAsync());
        }

        // The old send's answer (a 500) comes back now; its outcome is dropped, and says so in the log.
        answer.SetResult();
        await receiver.WaitForAsync(r => r.Count == 1, "the held send's answer");
        var row = await Eventually.WaitForAsync(
            () => RowAsync(endpoint.Endpoint.Id),
            r => r != ("Delivered", 2, 200) || api.Logs.Lines.Any(line => line.Contains("was dropped", StringComparison.Ordinal)));
        Assert.Equal(("Delivered", 2, 200), row);
        Assert.Contains(api.Logs.Lines, line => line.Contains("was dropped", StringComparison.Ordinal) && line.Contains("moved on", StringComparison.Ordinal));
    }
}
