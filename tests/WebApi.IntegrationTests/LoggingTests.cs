using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The original system logged SQL with customers' data in it. Here even Trace-level logs must not hold it.</summary>
public sealed class LoggingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Customer_data_passwords_and_tokens_never_reach_the_log_even_at_trace_level()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync(new
        {
            customer = new { name = "Zebedee Quixotic", phone = "+44 7700 987654", email = "zebedee.quixotic@example.org" },
            deliveryAddress = new { line1 = "42 Xylophone Lane", city = "Quuxford", postalCode = "QX1 9ZZ", country = "United Kingdom" },
            items = new[] { new { name = "Thing", quantity = 1, unitPrice = 9.99m } },
            currency = "GBP",
        });
        await merchant.GetAsync($"/api/orders/{order.Id}");
        await merchant.GetAsync("/api/orders?search=Zebedee");
        await merchant.GetStringAsync("/api/orders/export");
        var login = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        var token = (await login.ReadAsync<LoginResponse>()).AccessToken;

        var log = string.Join('\n', api.Logs.Lines);

        Assert.Contains("Microsoft.EntityFrameworkCore.Database.Command", log);
        foreach (var secret in new[] { "Zebedee", "Quixotic", "987654", "zebedee.quixotic", "Xylophone", "Quuxford", "QX1 9ZZ", user.Password, token, ApiFactory.SigningKey })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }
}
