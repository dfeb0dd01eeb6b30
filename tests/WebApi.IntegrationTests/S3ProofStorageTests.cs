using System.Net;
using System.Net.Http.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Infrastructure.Proofs;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The API with its proof images in an S3-compatible bucket (a local s3rver), as ProofStorage:Provider=S3 configures it.</summary>
public sealed class S3ProofStorageFactory(S3rverServer s3) : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ProofStorage:Provider"] = "S3",
        ["ProofStorage:S3:ServiceUrl"] = s3.ServiceUrl.ToString(),
        ["ProofStorage:S3:Bucket"] = S3rverServer.Bucket,
        ["ProofStorage:S3:AccessKey"] = S3rverServer.AccessKey,
        ["ProofStorage:S3:SecretKey"] = S3rverServer.AccessKey,
    };
}

public sealed class S3ProofStorageTests(S3rverServer s3) : IClassFixture<S3rverServer>, IAsyncLifetime
{
    private readonly S3ProofStorageFactory _api = new(s3);

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_api).DisposeAsync();

    [Fact]
    public async Task Proof_images_are_written_to_read_from_and_removed_from_the_bucket()
    {
        var scenario = await ProofScenario.InTransitAsync(_api);
        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps(), ProofImages.SignaturePng()))).ShouldBeAsync(HttpStatusCode.OK);
        var deliveredAt = DateTimeOffset.UtcNow;
        var bucket = _api.Services.GetRequiredService<IAmazonS3>();
        var prefix = $"proofs/{scenario.Order.Id:N}/";

        var objects = await bucket.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverServer.Bucket, Prefix = prefix });
        Assert.Equal(2, objects.S3Objects?.Count);
        Assert.Equal(0, await _api.WithDbAsync(db => db.Set<StoredProofFile>().CountAsync()));
        var photo = await scenario.Merchant.GetAsync($"{scenario.ProofRoute}/photo");
        await photo.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.False(ProofImages.HasGps(await photo.Content.ReadAsByteArrayAsync()));

        await using var scope = _api.Services.CreateAsyncScope();
        var rule = ActivatorUtilities.CreateInstance<ProofOfDeliveryRetentionRule>(scope.ServiceProvider, new StoppedClock(deliveredAt.AddDays(91)));
        Assert.Equal(1, await rule.ApplyAsync(CancellationToken.None));

        var left = await bucket.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverServer.Bucket, Prefix = prefix });
        Assert.Empty(left.S3Objects ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Merchant.GetAsync($"{scenario.ProofRoute}/photo")).StatusCode);
        Assert.True((await scenario.Merchant.GetFromJsonAsync<ProofOfDeliveryResponse>(scenario.ProofRoute, Json.Options))!.Proof!.PhotoTaken);
    }
}
