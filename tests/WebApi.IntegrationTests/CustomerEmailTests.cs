using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.CustomerEmails;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Customers' e-mails through the front door, to a real SMTP server in process: each event the merchant chose sends
/// its e-mail with the tracking link, the tracking page's wording, branding and RFC 8058 unsubscribe headers; nothing
/// goes out for events not chosen, merchants that have not turned e-mails on, orders without an address, addresses
/// that unsubscribed or merchants an admin paused; only the merchant itself and admins see or change the settings.
/// </summary>
public sealed partial class CustomerEmailTests(EmailApiFactory api) : IClassFixture<EmailApiFactory>
{
    private static readonly string[] EnglishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] GermanDays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

    private async Task WaitUntilDispatchedAsync(Guid orderId)
    {
        var pending = await Eventually.WaitForAsync(
            () => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.AggregateId == orderId && m.DispatchedAt == null)),
            count => count == 0);
        Assert.Equal(0, pending);
    }

    private static void AssertIsCustomerEmail(MimeMessage message, string to, OrderResponse order, OrderStatus status, string businessName)
    {
        Assert.Equal(to, message.To.Mailboxes.Single().Address);
        Assert.Equal("notifications@order-tracking.test", message.From.Mailboxes.Single().Address);
        Assert.Equal($"{CustomerWording.Label(status)}: your order from {businessName}", message.Subject);
        var link = $"{EmailApiFactory.PublicBaseUrl}/track/{order.TrackingCode}";
        Assert.Contains(link, message.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains($"Status: {CustomerWording.Label(status)}", message.TextBody!, StringComparison.Ordinal);
        Assert.Matches(@"^<https://track\.example\.test/api/unsubscribe\?token=[\w-]+>$", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Stop e-mails about this order:", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_event_the_merchant_chose_sends_its_email_with_the_tracking_link_the_customer_wording_branding_and_unsubscribe_headers()
    {
        var chosen = AllEvents.Where(e => e != OrderStatus.Returned).ToArray();
        var (merchant, merchantUser) = await MerchantSendingAsync(api, Settings(
            events: chosen, senderName: "Corner Bakery Deliveries", replyTo: "help@bakery.test", accentColour: "#0A7D5A", language: "en-GB", timeZone: "Europe/London"));
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var german = NewAddress();
        var english = NewAddress();

        // A customer whose order names German and Berlin time, walked to Delivered; each e-mail arrives before the next move.
        var delivered = await merchant.CreateOrderForAsync(german, "de-DE", "Europe/Berlin", api);
        await merchant.MoveAsync(delivered.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(german, 1);
        await merchant.MoveAsync(delivered.Id, OrderStatus.Preparing);
        await merchant.MoveAsync(delivered.Id, OrderStatus.ReadyForPickup);
        await OutForDeliveryAsync(courier, delivered.Id);
        await api.Mail.WaitForMailAsync(german, 2);
        await courier.MoveAsync(delivered.Id, OrderStatus.Delivered);
        var toGerman = await api.Mail.WaitForMailAsync(german, 3);

        // One without a language or zone (the merchant's apply) whose delivery fails and which goes back: Returned is not chosen.
        // Here too each e-mail arrives before the next chosen event: a later event supersedes an e-mail still waiting.
        var returned = await merchant.CreateOrderForAsync(english, rememberIn: api);
        await merchant.MoveAsync(returned.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(english, 1);
        await merchant.MoveAsync(returned.Id, OrderStatus.Preparing);
        await merchant.MoveAsync(returned.Id, OrderStatus.ReadyForPickup);
        await OutForDeliveryAsync(courier, returned.Id);
        await api.Mail.WaitForMailAsync(english, 2);
        (await courier.ChangeStatusAsync(returned.Id, OrderStatus.DeliveryFailed, reason: "AddressNotFound")).EnsureSuccessStatusCode();
        await api.Mail.WaitForMailAsync(english, 3);
        await courier.MoveAsync(returned.Id, OrderStatus.Returned);
        await WaitUntilDispatchedAsync(returned.Id);

        var cancelledFor = NewAddress();
        var cancelled = await merchant.CreateOrderForAsync(cancelledFor, rememberIn: api);
        await merchant.MoveAsync(cancelled.Id, OrderStatus.Cancelled, reason: "Out of stock");
        var toCancelled = await api.Mail.WaitForMailAsync(cancelledFor, 1);

        Assert.Equal([OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.Delivered], toGerman.Select(m => StatusOf(m)));
        var toEnglish = api.Mail.To(english);
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.DeliveryFailed], toEnglish.Select(m => StatusOf(m)));
        foreach (var (messages, address, order) in new[] { (toGerman, german, delivered), (toEnglish, english, returned), (toCancelled, cancelledFor, cancelled) })
        {
            foreach (var message in messages)
            {
                AssertIsCustomerEmail(message, address, order, StatusOf(message), "Corner Bakery");
                Assert.Equal("Corner Bakery Deliveries", message.From.Mailboxes.Single().Name);
                Assert.Equal("help@bakery.test", message.ReplyTo.Mailboxes.Single().Address);
                Assert.Contains("#0a7d5a", message.HtmlBody!, StringComparison.Ordinal);
            }
        }

        // Times on the customer's clock and in their language where the order says so, else the merchant's.
        Assert.Matches(@"Delivered on .+\(UTC\+[12]\)", toGerman[2].TextBody!);
        Assert.Contains(GermanDays, day => toGerman[2].TextBody!.Contains(day, StringComparison.Ordinal));
        Assert.Matches(@"We could not deliver your parcel on .+\((UTC|UTC\+1)\)", toEnglish[2].TextBody!);
        Assert.Contains(EnglishDays, day => toEnglish[2].TextBody!.Contains(day, StringComparison.Ordinal));
        Assert.Contains(CustomerWording.FailureReasons[DeliveryFailureReason.AddressNotFound], toEnglish[2].TextBody!, StringComparison.Ordinal);
        Assert.Contains("it will not be delivered", toCancelled[0].TextBody!, StringComparison.Ordinal);

        // The order page lists each e-mail with the address masked; the returned order has no line for Returned. (The
        // catcher has a message a moment before the sender records it as sent.)
        var lines = await ListWhenAsync(merchant, returned.Id, l => l.Count == 3 && l.All(e => e.Status == "Sent"));
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.DeliveryFailed], lines.Select(l => l.Event));
        Assert.All(lines, l => Assert.Equal(("Sent", EmailAddressMask.Mask(english)), (l.Status, l.Recipient)));
        Assert.All(lines, l => Assert.NotNull(l.SentAt));
        Assert.DoesNotContain(english, JsonSerializer.Serialize(lines), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(merchantUser.Id, delivered.MerchantId);
    }

    private static OrderStatus StatusOf(MimeMessage message) =>
        CustomerWording.StatusLabels.Single(l => message.Subject!.StartsWith(l.Value + ":", StringComparison.Ordinal)).Key;

    [Fact]
    public async Task Nothing_is_sent_for_an_order_without_a_customer_email_nor_by_a_merchant_that_has_not_turned_emails_on()
    {
        var (off, _) = await MerchantSendingAsync(api, Settings(enabled: false));
        var (on, _) = await MerchantSendingAsync(api);
        var address = NewAddress();
        var ofMerchantOff = await off.CreateOrderForAsync(address, rememberIn: api);
        var withoutEmail = await on.CreateOrderForAsync(null);
        await off.MoveAsync(ofMerchantOff.Id, OrderStatus.Confirmed);
        await on.MoveAsync(withoutEmail.Id, OrderStatus.Confirmed);

        // A change committed after both that does send: once it has arrived, and both events were handled, nothing else came.
        var sentinel = NewAddress();
        var sent = await on.CreateOrderForAsync(sentinel, rememberIn: api);
        await on.MoveAsync(sent.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(sentinel, 1);
        await WaitUntilDispatchedAsync(ofMerchantOff.Id);
        await WaitUntilDispatchedAsync(withoutEmail.Id);

        Assert.Empty(api.Mail.To(address));
        Assert.Empty(await ListAsync(off, ofMerchantOff.Id));
        Assert.Empty(await ListAsync(on, withoutEmail.Id));
    }

    [Fact]
    public async Task One_click_unsubscribe_from_the_header_stops_every_later_email_of_that_merchant_to_that_address_only()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var (otherMerchant, _) = await MerchantSendingAsync(api, businessName: "Other Shop");
        var address = NewAddress();
        var first = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(first.Id, OrderStatus.Confirmed);
        var message = (await api.Mail.WaitForMailAsync(address, 1))[0];

        // What a mail client does for RFC 8058: POST the header's URL, with this body, anonymously.
        var oneClick = message.Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var anonymous = api.CreateClient();
        var unsubscribed = await anonymous.PostAsync(PathOf(oneClick), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        await unsubscribed.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null((await unsubscribed.ReadAsync<JsonElement>()).GetProperty("trackingCode").GetString());

        await merchant.MoveAsync(first.Id, OrderStatus.Cancelled, reason: "Changed my mind");
        var second = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(second.Id, OrderStatus.Confirmed);
        var other = await otherMerchant.CreateOrderForAsync(address, rememberIn: api);
        await otherMerchant.MoveAsync(other.Id, OrderStatus.Confirmed);

        await api.Mail.WaitForMailAsync(address, 2);
        var withheld = await ListWhenAsync(merchant, second.Id, l => l.Count == 1 && l[0].Status == "Withheld");
        Assert.Contains("unsubscribed", withheld[0].Problem, StringComparison.Ordinal);
        await ListWhenAsync(merchant, first.Id, l => l.Count == 2 && l[1].Status == "Withheld");
        Assert.Equal(["Order confirmed: your order from Corner Bakery", "Order confirmed: your order from Other Shop"], api.Mail.To(address).Select(m => m.Subject));
    }

    [Fact]
    public async Task The_link_for_one_order_asks_first_then_stops_that_orders_emails_and_no_others()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress();
        var first = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(first.Id, OrderStatus.Confirmed);
        var message = (await api.Mail.WaitForMailAsync(address, 1))[0];
        var page = new Uri(LinkAfter(message, "Stop e-mails about this order"));
        Assert.Equal("/unsubscribe", page.AbsolutePath);
        var token = System.Web.HttpUtility.ParseQueryString(page.Query)["token"];

        using var anonymous = api.CreateClient();
        var described = await anonymous.GetFromJsonAsync<JsonElement>($"/api/unsubscribe?token={token}");
        Assert.Equal(("Corner Bakery", first.TrackingCode, EmailAddressMask.Mask(address)),
            (described.GetProperty("merchantName").GetString(), described.GetProperty("trackingCode").GetString(), described.GetProperty("address").GetString()));
        var confirmed = await anonymous.PostAsync($"/api/unsubscribe?token={token}", null);
        await confirmed.ShouldBeAsync(HttpStatusCode.OK);
        var again = await anonymous.PostAsync($"/api/unsubscribe?token={token}", null);
        await again.ShouldBeAsync(HttpStatusCode.OK);

        await merchant.MoveAsync(first.Id, OrderStatus.Cancelled, reason: "Changed my mind");
        var second = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(second.Id, OrderStatus.Confirmed);
        var toAddress = await api.Mail.WaitForMailAsync(address, 2);

        Assert.Equal([first.TrackingCode, second.TrackingCode], toAddress.Select(m => Regex.Match(m.TextBody!, @"Tracking code: (\S+)").Groups[1].Value));
        Assert.Equal(["Sent", "Withheld"], (await ListWhenAsync(merchant, first.Id, l => l.Count == 2 && l[0].Status != "Pending")).Select(l => l.Status));
        Assert.Equal(1, await api.WithDbAsync(db => db.Set<EmailSuppression>().CountAsync(s => s.OrderId == first.Id)));
    }

    [Fact]
    public async Task A_forged_altered_or_expired_unsubscribe_token_is_refused_with_400_and_changes_nothing()
    {
        var (merchant, user) = await MerchantSendingAsync(api);
        var address = NewAddress();
        api.RememberSecret(address);
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        var tokens = api.Services.GetRequiredService<IUnsubscribeTokens>();
        var scope = new UnsubscribeScope(user.Id, address, order.Id);
        var valid = tokens.Issue(scope, DateTimeOffset.UtcNow.AddDays(1));
        var altered = valid[..^2] + (valid[^2] == 'A' ? 'B' : 'A') + valid[^1];
        var expired = tokens.Issue(scope, DateTimeOffset.UtcNow.AddMinutes(-1));
        var suppressionsBefore = await api.WithDbAsync(db => db.Set<EmailSuppression>().CountAsync());

        using var anonymous = api.CreateClient();
        foreach (var token in new[] { "forged", altered, expired, string.Empty, new string('x', 3000) })
        {
            var post = await anonymous.PostAsync($"/api/unsubscribe?token={Uri.EscapeDataString(token)}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            await post.ShouldBeAsync(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
            var get = await anonymous.GetAsync($"/api/unsubscribe?token={Uri.EscapeDataString(token)}");
            await get.ShouldBeAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(suppressionsBefore, await api.WithDbAsync(db => db.Set<EmailSuppression>().CountAsync()));
        var accepted = await anonymous.PostAsync($"/api/unsubscribe?token={valid}", null);
        await accepted.ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_merchant_or_a_courier_can_neither_read_nor_change_a_merchants_settings_and_only_an_admin_pauses()
    {
        var (owner, ownerUser) = await MerchantSendingAsync(api, Settings(senderName: "Owner's name"));
        var (intruder, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var route = $"/api/merchants/{ownerUser.Id}/notification-settings";
        var order = await owner.CreateOrderForAsync(NewAddress(), rememberIn: api);

        foreach (var client in new[] { intruder, courier })
        {
            await (await client.GetAsync(route)).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync(route, Settings(senderName: "Hijacked"))).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"{route}/preview", new { @event = "Delivered" })).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"{route}/test", new { @event = "Delivered" })).ShouldBeAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"{route}/pause", new { paused = true })).ShouldBeAsync(HttpStatusCode.Forbidden);
        }

        await (await owner.PutAsJsonAsync($"{route}/pause", new { paused = true })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await intruder.GetAsync($"/api/orders/{order.Id}/emails")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await courier.GetAsync($"/api/orders/{order.Id}/emails")).ShouldBeAsync(HttpStatusCode.Forbidden);

        var seenByOwner = await owner.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("Owner's name", seenByOwner.GetProperty("senderName").GetString());
        Assert.False(seenByOwner.GetProperty("paused").GetBoolean());
        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>(route);
        Assert.Equal("Owner's name", seenByAdmin.GetProperty("senderName").GetString());
        await (await admin.GetAsync($"/api/merchants/{Guid.NewGuid()}/notification-settings")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_pause_withholds_the_merchants_emails_and_refuses_tests_until_an_admin_resumes()
    {
        var (merchant, user) = await MerchantSendingAsync(api);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var route = $"/api/merchants/{user.Id}/notification-settings";
        var address = NewAddress();
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);

        var paused = await admin.PutAsJsonAsync($"{route}/pause", new { paused = true, reason = "Complaints about spam" });
        await paused.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True((await paused.ReadAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await WaitUntilDispatchedAsync(order.Id);
        await (await merchant.PostAsJsonAsync($"{route}/test", new { @event = "Confirmed" })).ShouldBeAsync(HttpStatusCode.Conflict);

        // The merchant's own save does not lift the pause.
        await (await merchant.PutAsJsonAsync(route, Settings())).ShouldBeAsync(HttpStatusCode.OK);
        Assert.True((await merchant.GetFromJsonAsync<JsonElement>(route)).GetProperty("paused").GetBoolean());

        await (await admin.PutAsJsonAsync($"{route}/pause", new { paused = false })).ShouldBeAsync(HttpStatusCode.OK);
        await merchant.MoveAsync(order.Id, OrderStatus.Cancelled, reason: "Customer asked");
        var received = await api.Mail.WaitForMailAsync(address, 1);

        Assert.Equal("Cancelled: your order from Corner Bakery", received.Single().Subject);
        Assert.Equal([OrderStatus.Cancelled], (await ListAsync(merchant, order.Id)).Select(l => l.Event));
    }

    [Fact]
    public async Task The_preview_shows_the_email_with_sample_data_and_unsaved_branding_and_the_test_goes_to_the_merchants_own_address()
    {
        var (merchant, user) = await MerchantSendingAsync(api);
        var route = $"/api/merchants/{user.Id}/notification-settings";
        var preview = await merchant.PostAsJsonAsync($"{route}/preview", new { @event = "DeliveryFailed", accentColour = "#7c3aed", senderName = "Preview Name" });
        await preview.ShouldBeAsync(HttpStatusCode.OK);
        var shown = await preview.ReadAsync<JsonElement>();
        Assert.Equal("[Test] Delivery attempt failed: your order from Corner Bakery", shown.GetProperty("subject").GetString());
        Assert.Equal("Preview Name", shown.GetProperty("senderName").GetString());
        Assert.Contains("#7c3aed", shown.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains(CustomerWording.FailureReasons[DeliveryFailureReason.RecipientUnavailable], shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        await (await merchant.PostAsJsonAsync($"{route}/preview", new { @event = "Pending" })).ShouldBeAsync(HttpStatusCode.BadRequest);
        await (await merchant.PostAsJsonAsync($"{route}/preview", new { @event = "Delivered", accentColour = "red" })).ShouldBeAsync(HttpStatusCode.BadRequest);
        await (await merchant.PostAsJsonAsync($"{route}/preview", new { @event = "Delivered", logoUrl = "http://insecure.example/logo.png" })).ShouldBeAsync(HttpStatusCode.BadRequest);

        var test = await merchant.PostAsJsonAsync($"{route}/test", new { @event = "InTransit" });
        await test.ShouldBeAsync(HttpStatusCode.Accepted);
        Assert.Equal(EmailAddressMask.Mask(user.Email), (await test.ReadAsync<JsonElement>()).GetProperty("sentTo").GetString());
        var received = (await api.Mail.WaitForMailAsync(user.Email, 1)).Single();

        Assert.Equal("[Test] Out for delivery: your order from Corner Bakery", received.Subject);
        Assert.Contains("This is a test with sample data.", received.TextBody!, StringComparison.Ordinal);
        Assert.Null(received.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task The_tracking_view_carries_the_logo_and_accent_colour_of_the_merchants_email_settings()
    {
        var (branded, brandedUser) = await MerchantSendingAsync(api, Settings(accentColour: "#0A7D5A", logoUrl: "https://cdn.bakery.test/logo.png"));
        var (plain, _) = await api.SignedInAsync(UserRole.Merchant);
        var brandedOrder = await branded.CreateOrderForAsync(null);
        var plainOrder = await plain.CreateOrderForAsync(null);
        var anonymous = api.CreateClient();
        async Task<JsonElement> SenderAsync(OrderResponse order) =>
            (await (await anonymous.GetAsync($"/api/tracking/{order.TrackingCode}")).ReadAsync<JsonElement>()).GetProperty("sender");

        var sender = await SenderAsync(brandedOrder);
        Assert.Equal(("Corner Bakery", "https://cdn.bakery.test/logo.png", "#0a7d5a"),
            (sender.GetProperty("businessName").GetString(), sender.GetProperty("logoUrl").GetString(), sender.GetProperty("accentColour").GetString()));
        var none = await SenderAsync(plainOrder);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (none.GetProperty("logoUrl").ValueKind, none.GetProperty("accentColour").ValueKind));

        // The brand is the settings' one: a change there shows on the tracking page at once.
        await (await branded.PutAsJsonAsync($"/api/merchants/{brandedUser.Id}/notification-settings", Settings(accentColour: "#7C3AED"))).ShouldBeAsync(HttpStatusCode.OK);
        var changed = await SenderAsync(brandedOrder);
        Assert.Equal(("#7c3aed", JsonValueKind.Null), (changed.GetProperty("accentColour").GetString(), changed.GetProperty("logoUrl").ValueKind));
    }

    [Fact]
    public async Task The_retention_rule_erases_a_month_old_emails_body_and_address_then_after_a_year_its_line_and_keeps_recent_ones()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var addresses = new[] { NewAddress(), NewAddress(), NewAddress() };
        var orders = new List<OrderResponse>();
        var ids = new List<Guid>();
        foreach (var address in addresses)
        {
            var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            orders.Add(order);
            ids.Add((await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].Status == "Sent"))[0].Id);
        }

        var (monthOld, yearOld) = (ids[0], ids[1]);
        await api.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE email_notifications SET created_at = now() - interval '31 days' WHERE id = {monthOld}"));
        await api.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE email_notifications SET created_at = now() - interval '366 days' WHERE id = {yearOld}"));
        await using var scope = api.Services.CreateAsyncScope();
        var rule = scope.ServiceProvider.GetServices<OrderTracking.Infrastructure.Retention.IRetentionRule>()
            .OfType<OrderTracking.Infrastructure.Notifications.EmailRetentionRule>().Single();

        var changed = await rule.ApplyAsync(CancellationToken.None);

        var rows = await api.WithDbAsync(db => db.EmailNotifications.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync());
        Assert.Equal(2, changed);
        Assert.DoesNotContain(rows, r => r.Id == yearOld);
        var blanked = rows.Single(r => r.Id == monthOld);
        Assert.Equal(((string?)null, (string?)null, (string?)null, EmailAddressMask.Mask(addresses[0])),
            (blanked.TextBody, blanked.HtmlBody, blanked.UnsubscribeUrl, blanked.Recipient));
        var kept = rows.Single(r => r.Id == ids[2]);
        Assert.Equal(addresses[2], kept.Recipient);
        Assert.NotNull(kept.TextBody);
        var line = (await ListAsync(merchant, orders[0].Id)).Single();
        Assert.Equal(("Sent", EmailAddressMask.Mask(addresses[0])), (line.Status, line.Recipient));
        Assert.Empty(await ListAsync(merchant, orders[1].Id));
    }

    [Fact]
    public async Task No_customer_address_reaches_the_log()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress();
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(address, 1);
        await merchant.MoveAsync(order.Id, OrderStatus.Cancelled, reason: "Customer asked");
        await api.Mail.WaitForMailAsync(address, 2);

        var log = api.Logs.Lines.ToList();
        Assert.Contains(log, line => line.Contains("CustomerEmailPlanner", StringComparison.Ordinal) || line.Contains("email_notifications", StringComparison.Ordinal));
        Assert.DoesNotContain(log, line => line.Contains(address, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(log, line => line.Contains("Track your parcel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_email_says_in_plain_text_what_its_html_says_and_keeps_its_layout_when_images_are_blocked()
    {
        var (_, user) = await MerchantSendingAsync(api);
        await using var scope = api.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<Application.Notifications.Common.CustomerEmailComposer>();
        var settings = NotificationSettings.Defaults(user.Id, DateTimeOffset.UtcNow);
        settings.Update(true, AllEvents, "Bakery & Sons <Deliveries>", null, "#fde047", "https://cdn.bakery.test/logo.png", new Domain.Common.Locale("en-GB", "Europe/London"), DateTimeOffset.UtcNow);
        var sender = new Application.Notifications.Common.MerchantSender("Bakery & Sons <Ltd>", "+44 20 7946 0001", "hello@bakery.test");

        foreach (var status in AllEvents)
        {
            var facts = Application.Notifications.Common.EmailFacts.Sample(status, sender, DateTimeOffset.UtcNow);
            var email = composer.Compose(facts, settings, settings.Locale, new UnsubscribeScope(user.Id, "someone@customers.test", Guid.NewGuid()));
            var text = Normalize(email.Text);

            // Every line a reader sees in the HTML is in the plain text, and every link goes to the same place.
            var visible = HtmlVisibleLines(email.Html);
            Assert.NotEmpty(visible);
            Assert.All(visible, line => Assert.True(text.Contains(line, StringComparison.Ordinal), $"{status}: the plain text lacks \"{line}\":\n{email.Text}"));
            var links = Regex.Matches(email.Html, "href=\"(https?://[^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            Assert.Equal(3, links.Distinct().Count());
            Assert.All(links, link => Assert.Contains(link, email.Text, StringComparison.Ordinal));

            // Blocked images: the one image has its size and its alt text (the merchant's name) reserved; no layout hangs on a remote image.
            var image = Assert.Single(Regex.Matches(email.Html, "<img [^>]+>")).Value;
            Assert.Contains("alt=\"Bakery &amp; Sons &lt;Ltd&gt;\"", image, StringComparison.Ordinal);
            Assert.Contains("height=\"48\"", image, StringComparison.Ordinal);
            Assert.DoesNotContain("background-image", email.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", email.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);

            // A light accent gets dark button text.
            Assert.Contains("color:#111827;font-weight:bold", email.Html, StringComparison.Ordinal);
        }
    }

    /// <summary>What a reader of the HTML part sees, line by line: the body without its hidden preheader, tags and entities.</summary>
    private static List<string> HtmlVisibleLines(string html)
    {
        var body = Regex.Replace(html, "(?s)^.*<body[^>]*>", string.Empty);
        body = Regex.Replace(body, "(?s)<span style=\"display:none[^>]*>.*?</span>", string.Empty);
        body = Regex.Replace(body, "<(p|h1|tr|td|table|a)[ >]", "\n<$1 ");
        body = Regex.Replace(body, "<[^>]+>", string.Empty);
        return body.Split('\n').Select(line => Normalize(System.Net.WebUtility.HtmlDecode(line))).Where(line => line.Length > 0).ToList();
    }

    private static string Normalize(string text) => Regex.Replace(text, "\\s+", " ").Trim();

    [Fact]
    public void The_server_words_each_status_and_failure_as_the_tracking_page_does()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "client", "src", "features", "tracking", "utils", "customer-wording.ts")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        string Read(string path) => File.ReadAllText(Path.Combine([root.FullName, "client", "src", .. path.Split('/')]));
        Dictionary<string, string> Block(string source, string name) => Regex.Matches(
                Regex.Match(source, $"export const {name}[^{{]*{{(?<body>[^}}]*)}}").Groups["body"].Value, @"(\w+): '((?:[^'\\]|\\.)*)'")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        // The tracking page takes its status words from the one set every screen uses, and its failure reasons from its own.
        var trackingWording = Read("features/tracking/utils/customer-wording.ts");
        Assert.Contains("customerStatusLabels: Record<OrderStatus, string> = statusWords;", trackingWording, StringComparison.Ordinal);
        var clientLabels = Block(Read("lib/status-wording.ts"), "statusWords");
        var clientReasons = Block(trackingWording, "customerFailureReasons");

        Assert.Equal(CustomerWording.StatusLabels.ToDictionary(l => l.Key.ToString(), l => l.Value), clientLabels);
        Assert.Equal(CustomerWording.FailureReasons.ToDictionary(l => l.Key.ToString(), l => l.Value), clientReasons);
    }
}
