using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Proofs;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The smallest photo limit a deployment may set, so an oversize photo is cheap to send.</summary>
public sealed class SmallProofLimitFactory : ApiFactory
{
    public const int MaxFileBytes = 65536;

    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["ProofOfDelivery:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>Another instance of the API on the same database as <paramref name="connectionString"/>'s.</summary>
public sealed class SameDatabaseInstance(string connectionString) : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["ConnectionStrings:OrderTracking"] = connectionString };
}

/// <summary>Proof of delivery through HTTP: multipart upload, what is checked and stored, and who may see it.</summary>
public sealed class ProofOfDeliveryTests(SmallProofLimitFactory api) : IClassFixture<SmallProofLimitFactory>
{
    [Fact]
    public async Task A_courier_delivers_with_photo_signature_and_position_and_the_stored_photo_has_no_gps()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        var photo = ProofImages.JpegWithGps();
        Assert.True(ProofImages.HasGps(photo));
        var deliveredOnTheDevice = DateTimeOffset.UtcNow.AddMinutes(-35);
        var key = Guid.NewGuid().ToString();

        // The device keeps the very bytes it captured (PNG encoders stamp the time, so a new drawing would differ).
        var signaturePng = ProofImages.SignaturePng();
        var first = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", photo, signaturePng, 51.5, -0.12, deliveredOnTheDevice), key);
        await first.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(OrderStatus.Delivered, (await first.ReadAsync<OrderResponse>()).Status);

        // The device sends the same form again after a lost answer: a new multipart boundary, the same fields and files.
        var again = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", photo, signaturePng, 51.5, -0.12, deliveredOnTheDevice), key);
        await again.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        var history = await scenario.Courier.GetFromJsonAsync<List<TimelineEntryResponse>>($"/api/orders/{scenario.Order.Id}/history", Json.Options);
        var delivered = Assert.Single(history!, h => h.To == OrderStatus.Delivered);
        Assert.Equal(deliveredOnTheDevice.ToUnixTimeMilliseconds(), delivered.OccurredAt!.Value.ToUnixTimeMilliseconds());
        Assert.True(delivered.At > delivered.OccurredAt);
        Assert.Equal("Received by Jane Smith", delivered.Note);

        var proof = (await scenario.Merchant.GetFromJsonAsync<ProofOfDeliveryResponse>(scenario.ProofRoute, Json.Options))!.Proof!;
        Assert.Equal(("Jane Smith", true, true, true, true), (proof.RecipientName, proof.PhotoTaken, proof.RecipientSigned, proof.HasPhoto, proof.HasSignature));
        Assert.Equal((51.5, -0.12, 12.5), (proof.Latitude, proof.Longitude, proof.AccuracyMeters));
        Assert.Equal(deliveredOnTheDevice.ToUnixTimeMilliseconds(), proof.CapturedAt!.Value.ToUnixTimeMilliseconds());

        var stored = await scenario.Merchant.GetAsync($"{scenario.ProofRoute}/photo");
        await stored.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", stored.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.False(ProofImages.HasGps(await stored.Content.ReadAsByteArrayAsync()));
        var signature = await scenario.Courier.GetAsync($"{scenario.ProofRoute}/signature");
        await signature.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", signature.Content.Headers.ContentType?.MediaType);

        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{scenario.ProofRoute}/photo")).StatusCode);
    }

    [Fact]
    public async Task A_key_sent_again_with_another_photo_is_refused_and_the_first_delivery_stands()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        var key = Guid.NewGuid().ToString();
        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps()), key)).ShouldBeAsync(HttpStatusCode.OK);

        // Same fields, another file under the same name: the fingerprint covers the file's content, not only its size.
        var otherPhoto = ProofImages.JpegWithGps(ImageMagick.MagickColors.Orange);
        var reused = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", otherPhoto), key);

        await reused.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        var history = await scenario.Courier.GetFromJsonAsync<List<TimelineEntryResponse>>($"/api/orders/{scenario.Order.Id}/history", Json.Options);
        Assert.Single(history!, h => h.To == OrderStatus.Delivered);
    }

    [Theory]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("multipart/form-data; boundary=cut", "cut short")]
    public async Task A_form_that_cannot_be_read_is_a_400_with_or_without_a_key_and_changes_nothing(string contentType, string _)
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        HttpContent Broken()
        {
            var content = new ByteArrayContent("--cut\r\nContent-Disposition: form-data; name=\"recipientName\"\r\n\r\nJane"u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }

        var withKey = await scenario.DeliverAsync(Broken(), Guid.NewGuid().ToString());
        var withoutKey = await scenario.DeliverAsync(Broken());

        await withKey.ShouldBeAsync(HttpStatusCode.BadRequest);
        await withoutKey.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", withKey.Content.Headers.ContentType?.MediaType);
        var order = await scenario.Courier.GetFromJsonAsync<OrderResponse>($"/api/orders/{scenario.Order.Id}", Json.Options);
        Assert.Equal(OrderStatus.InTransit, order!.Status);
    }

    [Fact]
    public async Task Another_courier_merchant_or_partner_gets_404_for_the_proof_and_its_images()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps(), ProofImages.SignaturePng()))).ShouldBeAsync(HttpStatusCode.OK);
        var (otherCourier, _) = await api.SignedInAsync(UserRole.Delivery);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);

        foreach (var outsider in new[] { otherCourier, otherMerchant })
        {
            foreach (var route in new[] { scenario.ProofRoute, $"{scenario.ProofRoute}/photo", $"{scenario.ProofRoute}/signature" })
            {
                var response = await outsider.GetAsync(route);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Jane", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await scenario.Merchant.GetAsync($"{scenario.ProofRoute}/signature")).StatusCode);
    }

    [Fact]
    public async Task An_image_is_told_by_its_content_not_by_its_name_or_declared_type()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        var gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray();

        var refused = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", gif, photoContentType: "image/jpeg", photoFileName: "door.jpg"));
        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        var problem = await refused.ProblemAsync();
        Assert.Equal("The photo must be a JPEG, PNG or WebP image.", Assert.Single(problem.Errors!["photo"]));

        // JPEG's first bytes, then nothing an image decoder can read.
        var fake = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.Concat("not really a photo"u8.ToArray()).ToArray();
        var unreadable = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", fake));
        await unreadable.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("could not be read", Assert.Single((await unreadable.ProblemAsync()).Errors!["photo"]), StringComparison.Ordinal);

        var order = await scenario.Courier.GetFromJsonAsync<OrderResponse>($"/api/orders/{scenario.Order.Id}", Json.Options);
        Assert.Equal(OrderStatus.InTransit, order!.Status);
        Assert.Equal(0, await api.WithDbAsync(db => db.Set<StoredProofFile>().CountAsync(f => f.Key.Contains(scenario.Order.Id.ToString("N")))));
    }

    [Fact]
    public async Task A_photo_over_the_size_setting_is_refused_and_nothing_changes()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        var oversize = new byte[SmallProofLimitFactory.MaxFileBytes + 1];
        oversize[0] = 0xFF;
        oversize[1] = 0xD8;
        oversize[2] = 0xFF;

        var refused = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", oversize));

        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The photo is larger than 0.1 MB", Assert.Single((await refused.ProblemAsync()).Errors!["photo"]), StringComparison.Ordinal);
        var order = await scenario.Courier.GetFromJsonAsync<OrderResponse>($"/api/orders/{scenario.Order.Id}", Json.Options);
        Assert.Equal(OrderStatus.InTransit, order!.Status);
    }

    [Fact]
    public async Task A_merchant_that_requires_a_photo_gets_no_delivery_without_one()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        await scenario.SetPolicyAsync(new { photo = "Required", signature = "Optional", recipientName = "Optional", position = "Off", showPhotoOnTracking = false });
        var requirements = (await scenario.Courier.GetFromJsonAsync<ProofOfDeliveryResponse>(scenario.ProofRoute, Json.Options))!.Requirements;
        Assert.Equal(new ProofRequirementsResponse("Required", "Optional", "Optional", "Off"), requirements);

        var withoutPhotoAsJson = await scenario.Courier.ChangeStatusAsync(scenario.Order.Id, OrderStatus.Delivered, recipientName: "Jane Smith");
        await withoutPhotoAsJson.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("photo", (await withoutPhotoAsJson.ProblemAsync()).Errors!.Keys);
        var withoutPhoto = await scenario.DeliverAsync(ProofImages.Form("Jane Smith", signature: ProofImages.SignaturePng()));
        await withoutPhoto.ShouldBeAsync(HttpStatusCode.BadRequest);

        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps(), latitude: 51.5, longitude: -0.12))).ShouldBeAsync(HttpStatusCode.OK);
        var proof = (await scenario.Merchant.GetFromJsonAsync<ProofOfDeliveryResponse>(scenario.ProofRoute, Json.Options))!.Proof!;
        Assert.Null(proof.Latitude);

        var positionRequired = await scenario.Merchant.PutAsJsonAsync($"/api/merchants/{scenario.MerchantUser.Id}/proof-of-delivery-settings",
            new { photo = "Optional", signature = "Optional", recipientName = "Optional", position = "Required", showPhotoOnTracking = false });
        await positionRequired.ShouldBeAsync(HttpStatusCode.BadRequest);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherMerchant.GetAsync($"/api/merchants/{scenario.MerchantUser.Id}/proof-of-delivery-settings")).StatusCode);
    }

    [Fact]
    public async Task The_tracking_page_names_the_recipient_and_shows_the_photo_only_when_the_merchant_allows()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps(), ProofImages.SignaturePng()))).ShouldBeAsync(HttpStatusCode.OK);
        var anonymous = api.CreateClient();
        var trackingRoute = $"/api/tracking/{scenario.Order.TrackingCode}";

        using (var hidden = JsonDocument.Parse(await anonymous.GetStringAsync(trackingRoute)))
        {
            var delivery = hidden.RootElement.GetProperty("delivery");
            Assert.Equal("J. Smith", delivery.GetProperty("recipientName").GetString());
            Assert.True(delivery.GetProperty("recipientSigned").GetBoolean());
            Assert.False(delivery.GetProperty("hasPhoto").GetBoolean());
            Assert.DoesNotContain("Jane", hidden.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{trackingRoute}/delivery-photo")).StatusCode);

        await scenario.SetPolicyAsync(new { photo = "Optional", signature = "Optional", recipientName = "Optional", position = "Optional", showPhotoOnTracking = true });
        using (var shown = JsonDocument.Parse(await anonymous.GetStringAsync(trackingRoute)))
        {
            Assert.True(shown.RootElement.GetProperty("delivery").GetProperty("hasPhoto").GetBoolean());
        }

        var photo = await anonymous.GetAsync($"{trackingRoute}/delivery-photo");
        await photo.ShouldBeAsync(HttpStatusCode.OK);
        Assert.False(ProofImages.HasGps(await photo.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Two_instances_read_one_proof_from_the_embedded_store()
    {
        var scenario = await ProofScenario.InTransitAsync(api);
        await (await scenario.DeliverAsync(ProofImages.Form("Jane Smith", ProofImages.JpegWithGps()))).ShouldBeAsync(HttpStatusCode.OK);
        var fromFirst = await scenario.Merchant.GetByteArrayAsync($"{scenario.ProofRoute}/photo");

        await using var second = new SameDatabaseInstance(api.ConnectionString);
        var merchantOnSecond = await second.ClientForAsync(scenario.MerchantUser);
        var fromSecond = await merchantOnSecond.GetByteArrayAsync($"{scenario.ProofRoute}/photo");

        Assert.Equal(fromFirst, fromSecond);
    }
}
