using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The README's TypeScript verification sample (docs/webhooks/verify-signature.ts), run by node on a delivery the API really sent.</summary>
public sealed class WebhookSampleTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    [Fact]
    public async Task The_typescript_sample_accepts_a_real_delivery_and_refuses_it_tampered_or_with_another_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var secret = (await created.ReadAsync<WebhookEndpointWithSecretResponse>()).Secret;
        api.RememberSecret(secret);
        await merchant.CreateOrderAsync();
        var delivery = (await receiver.WaitForAsync(r => r.Count == 1, "a delivery")).Single();

        Assert.Equal(0, await RunSampleAsync(delivery.Body, delivery.Signature, secret));
        Assert.Equal(1, await RunSampleAsync(delivery.Body.Replace("Pending", "Delivered", StringComparison.Ordinal), delivery.Signature, secret));
        Assert.Equal(1, await RunSampleAsync(delivery.Body, delivery.Signature, "whsec_" + new string('A', 43)));
    }

    private static async Task<int> RunSampleAsync(string body, string signature, string secret)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryRoot(), "docs", "webhooks", "run-verify-signature.mjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { body, signature, secret }));
        node.StandardInput.Close();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode is 0 or 1, $"The sample did not run (exit {node.ExitCode}): {errors}");
        return node.ExitCode;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrderTracking.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("OrderTracking.sln not found above the test binaries.");
    }
}
