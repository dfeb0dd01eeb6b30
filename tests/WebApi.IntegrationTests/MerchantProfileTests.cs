using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.MerchantProfileRequests;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>A merchant keeps its business name, public contact and pickup locations; only it and admins may change them.</summary>
public sealed class MerchantProfileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_merchant_saves_its_profile_and_pickup_locations_and_reads_them_back()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);

        var saved = await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile(email: null));
        await saved.ShouldBeAsync(HttpStatusCode.OK);
        var shop = await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Shop", "12 Baker Street", "Open 7:00-18:00"));
        await shop.ShouldBeAsync(HttpStatusCode.Created);
        var bakehouse = await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Bakehouse", "5 Mill Lane", isDefault: true));
        await bakehouse.ShouldBeAsync(HttpStatusCode.Created);

        var profile = await merchant.GetFromJsonAsync<MerchantProfileResponse>($"/api/merchants/{user.Id}/profile", Json.Options);
        Assert.Equal(("Corner Bakery Ltd", "+44 20 7946 0001", (string?)null), (profile!.BusinessName, profile.ContactPhone, profile.ContactEmail));
        Assert.Equal(["Shop", "Bakehouse"], profile.PickupLocations.Select(l => l.Label));
        Assert.Equal([false, true], profile.PickupLocations.Select(l => l.IsDefault));
        Assert.Equal("Open 7:00-18:00", profile.PickupLocations[0].Instructions);
        Assert.Equal("https://www.openstreetmap.org/search?query=12%20Baker%20Street%2C%20London%2C%20NW1%206XE%2C%20United%20Kingdom", profile.PickupLocations[0].MapUrl);
    }

    [Fact]
    public async Task A_profile_with_its_locations_is_read_in_one_statement_that_draws_no_EF_Core_warning()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        await (await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        await (await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Shop", "12 Baker Street", isDefault: true))).ShouldBeAsync(HttpStatusCode.Created);
        var before = api.Logs.Lines.Count;

        // Creating an order reads only its pickup location, not the profile around it.
        await merchant.CreateOrderAsync();
        var created = api.Logs.Lines.Skip(before).Where(line => line.Contains("Executed DbCommand", StringComparison.Ordinal)).ToList();
        Assert.Single(created, line => line.Contains("pickup_locations", StringComparison.Ordinal));
        Assert.DoesNotContain(created, line => line.Contains("merchant_profiles", StringComparison.Ordinal));

        // Reading the profile takes it with its locations in one statement.
        var read = api.Logs.Lines.Count;
        await merchant.GetFromJsonAsync<MerchantProfileResponse>($"/api/merchants/{user.Id}/profile", Json.Options);
        var statement = Assert.Single(api.Logs.Lines.Skip(read), line => line.Contains("Executed DbCommand", StringComparison.Ordinal) && line.Contains("merchant_profiles", StringComparison.Ordinal));
        Assert.Contains("pickup_locations", statement, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains("row limiting operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_merchant_cannot_read_or_change_another_merchants_profile_but_an_admin_can()
    {
        var (owner, ownerUser) = await api.SignedInAsync(UserRole.Merchant);
        var (other, _) = await api.SignedInAsync(UserRole.Merchant);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        await (await owner.PutAsJsonAsync($"/api/merchants/{ownerUser.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        var location = await (await owner.PostAsJsonAsync($"/api/merchants/{ownerUser.Id}/pickup-locations", Location("Shop", "12 Baker Street"))).ReadAsync<PickupLocationResponse>();
        var locationUrl = $"/api/merchants/{ownerUser.Id}/pickup-locations/{location.Id}";

        await (await other.GetAsync($"/api/merchants/{ownerUser.Id}/profile")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsJsonAsync($"/api/merchants/{ownerUser.Id}/profile", Profile("Hijacked"))).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/merchants/{ownerUser.Id}/pickup-locations", Location("Fake", "1 Fake Street"))).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsJsonAsync(locationUrl, Location("Fake", "1 Fake Street"))).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await other.DeleteAsync(locationUrl)).ShouldBeAsync(HttpStatusCode.Forbidden);

        await (await admin.PutAsJsonAsync(locationUrl, Location("Front shop", "14 Baker Street"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/merchants/{ownerUser.Id}/profile", Profile("Corner Bakery & Cafe"))).ShouldBeAsync(HttpStatusCode.OK);

        var profile = await owner.GetFromJsonAsync<MerchantProfileResponse>($"/api/merchants/{ownerUser.Id}/profile", Json.Options);
        Assert.Equal("Corner Bakery & Cafe", profile!.BusinessName);
        Assert.Equal(("Front shop", "14 Baker Street"), (profile.PickupLocations.Single().Label, profile.PickupLocations.Single().Address.Line1));
    }

    [Fact]
    public async Task An_admin_sets_up_a_merchant_that_has_no_profile_yet_but_not_a_user_who_is_not_a_merchant()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var merchant = await api.CreateUserAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);

        await (await admin.GetAsync($"/api/merchants/{merchant.Id}/profile")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/merchants/{merchant.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/merchants/{merchant.Id}/pickup-locations", Location("Shop", "12 Baker Street"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PutAsJsonAsync($"/api/merchants/{courier.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_without_a_public_contact_and_a_location_without_an_address_are_refused_clearly()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);

        var noContact = await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile(phone: null, email: " "));
        await noContact.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("contactPhone", (await noContact.ProblemAsync()).Errors!.Keys);

        var badPhone = await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile(phone: "call me"));
        await badPhone.ShouldBeAsync(HttpStatusCode.BadRequest);

        await (await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Shop", "12 Baker Street"))).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        var noAddress = await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", new { label = "Shop" });
        await noAddress.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("address", (await noAddress.ProblemAsync()).Errors!.Keys);
    }

    [Fact]
    public async Task Removing_the_default_location_makes_the_oldest_remaining_one_the_default()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        await (await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        var first = await (await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Shop", "12 Baker Street"))).ReadAsync<PickupLocationResponse>();
        await (await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Bakehouse", "5 Mill Lane"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await merchant.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Stall", "1 Market Street"))).ShouldBeAsync(HttpStatusCode.Created);
        Assert.True(first.IsDefault);

        await (await merchant.DeleteAsync($"/api/merchants/{user.Id}/pickup-locations/{first.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await merchant.DeleteAsync($"/api/merchants/{user.Id}/pickup-locations/{first.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);

        var profile = await merchant.GetFromJsonAsync<MerchantProfileResponse>($"/api/merchants/{user.Id}/profile", Json.Options);
        Assert.Equal([("Bakehouse", true), ("Stall", false)], profile!.PickupLocations.Select(l => (l.Label, l.IsDefault)));
    }
}
