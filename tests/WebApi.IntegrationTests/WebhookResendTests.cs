using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Resend after the retry window (3 s here instead of 3 days) is one attempt and does not open a new window; resends
/// and test events are rate-limited per user (3 a minute here, 10 by default).
/// A delivery reads "Failed" as soon as its next try would fall after the window, which can be up to one wait (0.75 s
/// here) before the window closes, and a resend inside the window is retried until it closes (docs/product.md). So the
/// test moves the app's clock past the window before it resends, rather than count on the machine being slow enough.
/// </summary>
public sealed class WebhookResendTests(WebhookResendTests.Factory api) : IClassFixture<WebhookResendTests.Factory>
{
    public sealed class Factory : WebhookApiFactory
    {
        public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(3);

        public AdjustableClock Clock { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings)
            {
                ["Webhooks:RetryWindowSeconds"] = RetryWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ["RateLimiting:WebhookSends:PermitLimit"] = "3",
            };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task A_resend_after_the_window_is_one_attempt_keeps_the_window_and_resends_are_rate_limited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 500;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);
        await merchant.CreateOrderAsync();
        var failed = (await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Failed")).Single();
        var triedBefore = receiver.Received.Count;
        Assert.Equal(failed.AttemptCount, triedBefore);

        // The window began before the delivery failed, so whatever was left of it has passed.
        api.Clock.Advance(Factory.RetryWindow);
        var resent = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{failed.Id}/resend", null);

        await resent.ShouldBeAsync(HttpStatusCode.Accepted);
        var again = (await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d[0].Status == "Failed" && d[0].AttemptCount == triedBefore + 1, api.Logs)).Single();
        Assert.Equal(failed.RetryUntil, again.RetryUntil);
        Assert.True(again.LastAttemptAt > again.RetryUntil, $"The resend was tried at {again.LastAttemptAt:O}, inside the window that ends at {again.RetryUntil:O}.");
        Assert.Equal(triedBefore + 1, receiver.Received.Count);

        // Two test events are within the limit of 3 sends a minute; the next send is 429.
        for (var i = 0; i < 2; i++)
        {
            var within = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/test", null);
            Assert.Equal(HttpStatusCode.Accepted, within.StatusCode);
        }

        var refused = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{failed.Id}/resend", null);
        await refused.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(429, (await refused.ProblemAsync()).Status);
    }
}
