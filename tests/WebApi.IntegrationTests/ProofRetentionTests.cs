using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Infrastructure.Proofs;
using OrderTracking.Infrastructure.Retention;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Proof images and positions go once <c>ProofOfDelivery:RetentionDays</c> have passed; the name and the facts stay.</summary>
public sealed class ProofRetentionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_retention_rule_removes_the_images_and_the_position_after_90_days_and_keeps_younger_ones()
    {
        var old = await ProofScenario.InTransitAsync(api);
        await (await old.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps(), ProofImages.SignaturePng(), 51.5, -0.12))).ShouldBeAsync(HttpStatusCode.OK);
        var deliveredAt = DateTimeOffset.UtcNow;

        await using var scope = api.Services.CreateAsyncScope();
        var rule = Assert.Single(scope.ServiceProvider.GetServices<IRetentionRule>().OfType<ProofOfDeliveryRetentionRule>());

        var within = ActivatorUtilities.CreateInstance<ProofOfDeliveryRetentionRule>(scope.ServiceProvider, new StoppedClock(deliveredAt.AddDays(89)));
        Assert.Equal(0, await within.ApplyAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await old.Merchant.GetAsync($"{old.ProofRoute}/photo")).StatusCode);

        await using var laterScope = api.Services.CreateAsyncScope();
        var after = ActivatorUtilities.CreateInstance<ProofOfDeliveryRetentionRule>(laterScope.ServiceProvider, new StoppedClock(deliveredAt.AddDays(91)));
        Assert.Equal(1, await after.ApplyAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await old.Merchant.GetAsync($"{old.ProofRoute}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await old.Merchant.GetAsync($"{old.ProofRoute}/signature")).StatusCode);
        var proof = (await old.Merchant.GetFromJsonAsync<ProofOfDeliveryResponse>(old.ProofRoute, Json.Options))!.Proof!;
        Assert.Equal(("Jane Smith", true, true, false, false, (double?)null), (proof.RecipientName, proof.PhotoTaken, proof.RecipientSigned, proof.HasPhoto, proof.HasSignature, proof.Latitude));
        Assert.NotNull(proof.FilesRemovedAt);
        Assert.Equal(0, await api.WithDbAsync(db => db.Set<StoredProofFile>().CountAsync(f => f.Key.Contains(old.Order.Id.ToString("N")))));
        Assert.NotNull(rule);
    }
}
