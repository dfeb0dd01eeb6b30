using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Signing secrets are stored encrypted (Data Protection, keys in the database), and deliveries still verify.</summary>
public sealed class WebhookSecretsAtRestTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    private async Task<(string Secret, string? PreviousSecret)> StoredSecretsAsync(Guid endpointId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT secret, previous_secret FROM webhook_endpoints WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", endpointId);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql, Guid id, string value)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_secret_columns_never_hold_a_secret_and_deliveries_signed_with_them_verify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await (await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } })).ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(created.Secret);

        var stored = await StoredSecretsAsync(created.Endpoint.Id);
        Assert.DoesNotContain(created.Secret, stored.Secret);
        Assert.DoesNotContain("whsec_", stored.Secret);

        var rotation = await merchant.PostAsync($"/api/webhook-endpoints/{created.Endpoint.Id}/secret-rotation", null);
        var rotated = await rotation.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(rotated.Secret);
        stored = await StoredSecretsAsync(created.Endpoint.Id);
        foreach (var column in new[] { stored.Secret, stored.PreviousSecret! })
        {
            Assert.DoesNotContain(created.Secret, column);
            Assert.DoesNotContain(rotated.Secret, column);
            Assert.DoesNotContain("whsec_", column);
        }

        await merchant.CreateOrderAsync();

        var received = (await receiver.WaitForAsync(r => r.Count == 1, "a delivery")).Single();
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, rotated.Secret, DateTimeOffset.UtcNow));
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, created.Secret, DateTimeOffset.UtcNow));
        Assert.True(await api.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Any())), "The key ring is not in the database.");
    }

    [Fact]
    public async Task Migrating_encrypts_a_secret_stored_in_plain_text_and_its_deliveries_still_verify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await (await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } })).ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(created.Secret);

        // A row as the previous release stored it: the secret itself.
        const string Legacy = "whsec_legacy-secret-stored-in-plain-text-before-encry";
        api.RememberSecret(Legacy);
        await ExecuteAsync("UPDATE webhook_endpoints SET secret = @value WHERE id = @id", created.Endpoint.Id, Legacy);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        var stored = await StoredSecretsAsync(created.Endpoint.Id);
        Assert.DoesNotContain(Legacy, stored.Secret);
        Assert.DoesNotContain("whsec_", stored.Secret);

        await merchant.CreateOrderAsync();
        var received = (await receiver.WaitForAsync(r => r.Count == 1, "a delivery")).Single();
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, Legacy, DateTimeOffset.UtcNow));
    }
}
