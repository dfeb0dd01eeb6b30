using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Field messages are shown to people as they come: they say what to do, never a property name.</summary>
public sealed class ValidationMessageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_order_with_empty_fields_is_refused_with_messages_written_for_people()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.PostAsJsonAsync("/api/orders", new
        {
            customer = new { name = "", phone = "not a phone" },
            deliveryAddress = new { line1 = "", city = "", postalCode = "", country = "" },
            items = new[] { new { name = "", quantity = 0, unitPrice = 2_000_000_000m } },
            currency = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors!;
        Assert.Equal(["Enter the street address."], errors["deliveryAddress.line1"]);
        Assert.Equal(["Enter the town or city."], errors["deliveryAddress.city"]);
        Assert.Equal(["Enter the postal code."], errors["deliveryAddress.postalCode"]);
        Assert.Equal(["Enter the country."], errors["deliveryAddress.country"]);
        Assert.Equal(["Enter the customer's name."], errors["customer.name"]);
        Assert.Equal(["Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000."], errors["customer.phone"]);
        Assert.Equal(["Enter what the item is."], errors["items[0].name"]);
        Assert.Equal(["Enter a quantity from 1 to 10 000."], errors["items[0].quantity"]);
        Assert.Equal(["Enter a unit price from 0 to 1 000 000 000."], errors["items[0].unitPrice"]);
        Assert.Equal(["Choose the currency."], errors["currency"]);
        Assert.All(errors.Values.SelectMany(m => m), message =>
        {
            Assert.DoesNotContain("'", message.Replace("customer's", "customer", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("must not be empty", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_blank_unit_price_is_refused_not_taken_as_free()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var withoutPrice = new
        {
            customer = new { name = "Jane Customer", phone = "+44 7700 900123" },
            deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode = "SW1A 1AA", country = "United Kingdom" },
            items = new object[] { new { name = "Sourdough loaf", quantity = 2 }, new { name = "Croissant", quantity = 1, unitPrice = (decimal?)null } },
            currency = "GBP",
        };

        var response = await merchant.PostAsJsonAsync("/api/orders", withoutPrice);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors!;
        Assert.Equal(["Enter the unit price (0 for a free item)."], errors["items[0].unitPrice"]);
        Assert.Equal(["Enter the unit price (0 for a free item)."], errors["items[1].unitPrice"]);
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Fact]
    public async Task User_and_partner_forms_get_messages_written_for_people()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);

        var user = await admin.PostAsJsonAsync("/api/users", new { email = "", password = "short", displayName = "", role = "Merchant" });
        var partner = await admin.PostAsJsonAsync("/api/partners", new { name = "" });

        var userErrors = (await user.ProblemAsync()).Errors!;
        Assert.Equal(["Enter the email address."], userErrors["email"]);
        Assert.Equal(["Use a password of at least 8 characters."], userErrors["password"]);
        Assert.Equal(["Enter the name."], userErrors["displayName"]);
        Assert.Equal(["Enter the partner's name."], (await partner.ProblemAsync()).Errors!["name"]);
    }
}
