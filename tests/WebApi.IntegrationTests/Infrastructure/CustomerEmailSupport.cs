using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>A line of the order page's e-mail list, as the API answers it.</summary>
public sealed record OrderEmailResponse(Guid Id, OrderStatus Event, string Status, string Recipient, string Subject, int AttemptCount, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Problem);

/// <summary>Setting up merchants that e-mail their customers, moving their orders, and reading what was sent.</summary>
public static partial class CustomerEmails
{
    public static readonly OrderStatus[] AllEvents =
        [OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Cancelled];

    /// <summary>A new customer address of this test run (its domain says what it is for, so the catcher can answer by it).</summary>
    public static string NewAddress(string domain = "customers.test") => $"c{Guid.NewGuid():N}"[..12] + "@" + domain;

    public static object Order(string? customerEmail, string? language = null, string? timeZone = null) => new
    {
        customer = new { name = "Jane Customer", phone = "+44 7700 900123", email = customerEmail, language, timeZone },
        deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode = "SW1A 1AA", country = "United Kingdom" },
        items = new[] { new { name = "Sourdough loaf", quantity = 2, unitPrice = 4.50m } },
        currency = "GBP",
        estimatedDeliveryAt = DateTimeOffset.UtcNow.AddDays(1),
    };

    public static object Settings(bool enabled = true, OrderStatus[]? events = null, string? senderName = null, string? replyTo = null,
        string? accentColour = null, string? logoUrl = null, string? language = null, string? timeZone = null) => new
    {
        enabled,
        events = (events ?? AllEvents).Select(e => e.ToString()).ToArray(),
        senderName,
        replyTo,
        accentColour,
        logoUrl,
        language,
        timeZone,
    };

    /// <summary>A new merchant with a business profile and e-mails turned on with <paramref name="settings"/> (every event by default).</summary>
    public static async Task<(HttpClient Merchant, TestUser User)> MerchantSendingAsync(ApiFactory api, object? settings = null, string businessName = "Corner Bakery")
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var profile = await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", new { businessName, contactPhone = "+44 20 7946 0001", contactEmail = "hello@bakery.test" });
        await profile.ShouldBeAsync(HttpStatusCode.OK);
        var saved = await merchant.PutAsJsonAsync($"/api/merchants/{user.Id}/notification-settings", settings ?? Settings());
        await saved.ShouldBeAsync(HttpStatusCode.OK);
        return (merchant, user);
    }

    public static async Task<OrderResponse> CreateOrderForAsync(this HttpClient merchant, string? customerEmail, string? language = null, string? timeZone = null, ApiFactory? rememberIn = null)
    {
        if (customerEmail is not null)
        {
            rememberIn?.RememberSecret(customerEmail);
        }

        return await merchant.CreateOrderAsync(Order(customerEmail, language, timeZone));
    }

    /// <summary>Takes a ready order out for delivery: the courier claims it from the pool, picks it up and sets off.</summary>
    public static async Task OutForDeliveryAsync(HttpClient courier, Guid orderId)
    {
        var claimed = await courier.PostAsync($"/api/orders/{orderId}/claim", null);
        await claimed.ShouldBeAsync(HttpStatusCode.OK);
        await courier.MoveAsync(orderId, OrderStatus.PickedUp);
        await courier.MoveAsync(orderId, OrderStatus.InTransit);
    }

    public static async Task<List<OrderEmailResponse>> ListAsync(HttpClient client, Guid orderId) =>
        (await client.GetFromJsonAsync<List<OrderEmailResponse>>($"/api/orders/{orderId}/emails", Json.Options))!;

    /// <summary>Reads the order's e-mail list until <paramref name="condition"/> holds; fails the test, showing the list, when it never does.</summary>
    public static async Task<List<OrderEmailResponse>> ListWhenAsync(HttpClient client, Guid orderId, Func<List<OrderEmailResponse>, bool> condition)
    {
        var emails = await Eventually.WaitForAsync(() => ListAsync(client, orderId), condition);
        Assert.True(condition(emails), $"The order's e-mails never reached the expected state: {System.Text.Json.JsonSerializer.Serialize(emails)}");
        return emails;
    }

    /// <summary>Waits until the catcher holds <paramref name="count"/> messages for the address (fails the test if it never does).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(this SmtpCatcher mail, string address, int count)
    {
        var received = await Eventually.WaitForAsync(() => Task.FromResult(mail.To(address)), m => m.Count >= count);
        Assert.True(received.Count >= count, $"Expected {count} e-mails to {address}, got {received.Count}: {string.Join(" | ", received.Select(m => m.Subject))}");
        return received;
    }

    /// <summary>The first link of the plain-text part that follows <paramref name="label"/> ("Stop e-mails about this order: https://…").</summary>
    public static string LinkAfter(MimeMessage message, string label)
    {
        var match = Regex.Match(message.TextBody!, Regex.Escape(label) + @":\s*(\S+)");
        Assert.True(match.Success, $"No '{label}' link in:\n{message.TextBody!}");
        return match.Groups[1].Value;
    }

    /// <summary>The path and query of an absolute link of an e-mail, to request it from the app under test.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;
}
