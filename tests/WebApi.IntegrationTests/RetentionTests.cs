using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Domain.Users;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Retention;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The retention job under a controlled clock: days pass in an instant (<see cref="AdjustableClock"/>), and each rule
/// deletes exactly what has outlived its keeping time and keeps everything else. Access tokens are checked against
/// the real time, so every test signs in before it moves the clock, and starts from the real time again.
/// </summary>
public sealed class RetentionTests(RetentionTests.Factory api) : IClassFixture<RetentionTests.Factory>
{
    /// <summary>The job's own timer waits a day, so only the passes a test runs happen while it looks.</summary>
    public sealed class Factory : WebhookApiFactory
    {
        public AdjustableClock Clock { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["Retention:Interval"] = "1.00:00:00" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);

                // Registered first, so every pass proves one failing rule stops none of the others.
                services.Insert(0, ServiceDescriptor.Scoped<IRetentionRule, FailingRule>());
            });
        }

        public async Task<IReadOnlyDictionary<string, int>> RunRetentionAsync()
        {
            var changed = await Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(nameof(FailingRule), changed.Keys);
            Assert.Contains(nameof(FinishedWebhookDeliveries), changed.Keys);
            Assert.Contains(nameof(EndedSessions), changed.Keys);
            Assert.Contains(nameof(ExpiredPreviousWebhookSecrets), changed.Keys);
            return changed;
        }
    }

    private sealed class FailingRule : IRetentionRule
    {
        public Task<int> ApplyAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("A rule that always fails.");
    }

    [Fact]
    public async Task Finished_webhook_deliveries_are_deleted_30_days_after_they_finished_and_pending_ones_are_kept()
    {
        api.Clock.Reset();
        await using var accepting = await WebhookReceiver.StartAsync();
        await using var refusing = await WebhookReceiver.StartAsync();
        refusing.Answer = (_, _) => 500;
        await using var refusingPaused = await WebhookReceiver.StartAsync();
        refusingPaused.Answer = (_, _) => 500;
        var letPausedAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        refusingPaused.Hold = letPausedAnswer.Task;
        var (merchant, owner) = await api.SignedInAsync(UserRole.Merchant);

        // The merchant's session outlives the 60 days this test moves through (session expiry has a test of its own),
        // set before its first request so the session check never holds the 14-day expiry.
        await api.WithDbAsync(db => db.SessionFamilies.Where(f => f.UserId == owner.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ExpiresAt, DateTimeOffset.UtcNow.AddDays(365))));
        var delivered = await AddEndpointAsync(merchant, accepting.Url);
        var failing = await AddEndpointAsync(merchant, refusing.Url);
        var paused = await AddEndpointAsync(merchant, refusingPaused.Url);

        var order = await merchant.CreateOrderAsync();
        var deliveredAtStart = (await WebhookDeliveryLog.WhenAsync(merchant, delivered, d => d.Count == 1 && d[0].Status == "Delivered")).Single();

        // Disabling an endpoint stops new claims, not a send already claimed, which records its outcome on the app's
        // clock when it ends: after the 29 days below, past the retry window, so it would fail the delivery. So the
        // paused endpoint's first send is held at its receiver (its delivery stays claimed: no other send of it can
        // start) while the endpoint is disabled, then answered, and the clock moves only once that outcome is stored.
        await Eventually.WaitForAsync(() => Task.FromResult(refusingPaused.Arrived), arrived => arrived > 0);
        Assert.True(refusingPaused.Arrived > 0, "The paused endpoint's delivery was never sent.");
        (await merchant.PatchAsJsonAsync($"/api/webhook-endpoints/{paused}", new { isEnabled = false })).EnsureSuccessStatusCode();
        letPausedAnswer.SetResult();
        var claimedUntil = await Eventually.WaitForAsync(
            () => api.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.EndpointId == paused).Select(d => d.ClaimedUntil).SingleAsync()),
            until => until is null);
        Assert.Null(claimedUntil);
        var pending = (await WebhookDeliveryLog.ReadAsync(merchant, paused)).Single();

        // 29 days on, the refused delivery's 3-day retry window is long over: its next try marks it failed, now.
        api.Clock.Advance(TimeSpan.FromDays(29));
        var failedAt29Days = (await WebhookDeliveryLog.WhenAsync(merchant, failing, d => d.Count == 1 && d[0].Status == "Failed")).Single();
        await api.RunRetentionAsync();
        Assert.Equal([deliveredAtStart.Id, failedAt29Days.Id, pending.Id], await RemainingAsync(deliveredAtStart.Id, failedAt29Days.Id, pending.Id));

        // 31 days on: the delivery that finished at the start goes; one that finished 2 days ago stays, as does a new one.
        api.Clock.Advance(TimeSpan.FromDays(2));
        await merchant.MoveAsync(order.Id, Domain.Orders.OrderStatus.Confirmed);
        var deliveredAt31Days = (await WebhookDeliveryLog.WhenAsync(merchant, delivered, d => d.Count == 2 && d.All(x => x.Status == "Delivered")))
            .Single(d => d.Id != deliveredAtStart.Id);
        var changed = await api.RunRetentionAsync();
        Assert.True(changed[nameof(FinishedWebhookDeliveries)] >= 1);
        Assert.Equal([failedAt29Days.Id, pending.Id, deliveredAt31Days.Id], await RemainingAsync(deliveredAtStart.Id, failedAt29Days.Id, pending.Id, deliveredAt31Days.Id));

        // 60 days on, the failed one has been finished for 31 days and goes too; the pending one, however old, stays.
        api.Clock.Advance(TimeSpan.FromDays(29));
        await api.RunRetentionAsync();
        Assert.Equal([pending.Id, deliveredAt31Days.Id], await RemainingAsync(deliveredAtStart.Id, failedAt29Days.Id, pending.Id, deliveredAt31Days.Id));
        Assert.Equal(WebhookDeliveryStatus.Pending, await api.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.Id == pending.Id).Select(d => d.Status).SingleAsync()));
        Assert.Contains(api.Logs.Lines, line => line.Contains("Retention: FinishedWebhookDeliveries deleted or blanked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_families_and_their_refresh_tokens_are_deleted_once_expired_and_live_ones_are_kept()
    {
        api.Clock.Reset();
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var first = await SignInAsync(user);
        var signedOut = await SignInAsync(user);
        var signedOutClient = api.CreateClient();
        signedOutClient.DefaultRequestHeaders.Authorization = new("Bearer", signedOut.AccessToken);
        (await signedOutClient.PostAsJsonAsync("/api/auth/logout", new { refreshToken = signedOut.RefreshToken })).EnsureSuccessStatusCode();

        // 13 days on, both are within their 14 days (the signed-out one too: a replayed token must still be recognised).
        api.Clock.Advance(TimeSpan.FromDays(13));
        var later = await SignInAsync(user);
        await api.RunRetentionAsync();
        Assert.Equal(3, await FamiliesOfAsync(user.Id));

        api.Clock.Advance(TimeSpan.FromDays(2));
        await api.RunRetentionAsync();

        Assert.Equal(1, await FamiliesOfAsync(user.Id));
        var tokensLeft = await api.WithDbAsync(db => db.RefreshTokens.Where(t => db.SessionFamilies.Any(f => f.Id == t.FamilyId && f.UserId == user.Id)).CountAsync());
        Assert.Equal(1, tokensLeft);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken })).StatusCode);
        var renewed = await api.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = later.RefreshToken });
        await renewed.ShouldBeAsync(HttpStatusCode.OK);
        api.RememberSecret((await renewed.ReadAsync<LoginResponse>()).RefreshToken!);
    }

    [Fact]
    public async Task A_rotated_out_webhook_secret_is_cleared_once_its_overlap_ends()
    {
        api.Clock.Reset();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var rotatedEndpoint = await AddEndpointAsync(merchant, "http://127.0.0.1:9/hooks");
        var untouched = await AddEndpointAsync(merchant, "http://127.0.0.1:9/hooks");
        var rotation = await merchant.PostAsync($"/api/webhook-endpoints/{rotatedEndpoint}/secret-rotation", null);
        await rotation.ShouldBeAsync(HttpStatusCode.OK);
        var current = (await rotation.ReadAsync<WebhookEndpointWithSecretResponse>()).Secret;
        api.RememberSecret(current);
        var protectedCurrent = (await SecretsAsync(rotatedEndpoint)).Secret;
        var secretsBefore = await SecretsAsync(untouched);

        api.Clock.Advance(TimeSpan.FromHours(23));
        await api.RunRetentionAsync();
        var during = await SecretsAsync(rotatedEndpoint);
        Assert.NotNull(during.PreviousSecret);
        Assert.NotNull(during.PreviousSecretExpiresAt);

        api.Clock.Advance(TimeSpan.FromHours(2));
        await api.RunRetentionAsync();

        Assert.Equal((protectedCurrent, null, null), await SecretsAsync(rotatedEndpoint));
        Assert.Equal(secretsBefore, await SecretsAsync(untouched));
        var listed = await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options);
        Assert.Null(listed!.Single(e => e.Id == rotatedEndpoint).PreviousSecretExpiresAt);
    }

    private async Task<Guid> AddEndpointAsync(HttpClient merchant, string url)
    {
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url, events = new[] { "order.created", "order.status_changed" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);
        return endpoint.Endpoint.Id;
    }

    /// <summary>Which of these deliveries are still stored, in the order given.</summary>
    private async Task<List<Guid>> RemainingAsync(params Guid[] deliveryIds)
    {
        var stored = await api.WithDbAsync(db => db.WebhookDeliveries.Where(d => deliveryIds.Contains(d.Id)).Select(d => d.Id).ToListAsync());
        return [.. deliveryIds.Where(stored.Contains)];
    }

    private Task<int> FamiliesOfAsync(Guid userId) => api.WithDbAsync(db => db.SessionFamilies.CountAsync(f => f.UserId == userId));

    private async Task<(string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt)> SecretsAsync(Guid endpointId)
    {
        var endpoint = await api.WithDbAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId));
        return (endpoint.ProtectedSecret, endpoint.ProtectedPreviousSecret, endpoint.PreviousSecretExpiresAt);
    }

    private async Task<LoginResponse> SignInAsync(TestUser user)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(login.AccessToken);
        api.RememberSecret(login.RefreshToken!);
        return login;
    }
}
