using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Notifications.Events;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using SmtpServer.Protocol;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.CustomerEmails;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// What the sender does when the mail server is down, refuses for now or for good, or is slow for one merchant; that
/// one event gives one e-mail however often its handler runs; that a burst of changes gives one e-mail about the
/// latest; and that one address gets no more than its hourly limit.
/// </summary>
public sealed class CustomerEmailDeliveryTests(CustomerEmailDeliveryTests.Factory api) : IClassFixture<CustomerEmailDeliveryTests.Factory>
{
    /// <summary>Each test uses addresses of its own; three e-mails an hour to one address is the limit here.</summary>
    public sealed class Factory : EmailApiFactory
    {
        public const int PerRecipientPerHour = 3;

        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["Notifications:PerRecipientPerHour"] = PerRecipientPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static readonly SmtpResponse TryLater = new(SmtpReplyCode.ServiceUnavailable, "4.3.2 Try again later");
    private static readonly SmtpResponse NoSuchMailbox = new(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such mailbox here");

    [Fact]
    public async Task A_mail_server_that_is_down_and_then_answers_4xx_gets_the_email_once_it_accepts_sent_once()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress("down-then-up.test");
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await api.Mail.StopAsync();
        try
        {
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            var waiting = await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].AttemptCount >= 2);
            Assert.Equal("Pending", waiting[0].Status);
            Assert.StartsWith("Could not reach the mail server", waiting[0].Problem, StringComparison.Ordinal);
        }
        finally
        {
            await api.Mail.StartAgainAsync();
        }

        // Up again, but busy: two 4xx answers, then it takes the message.
        var refusals = 0;
        api.Mail.Answer = message => message.To.Mailboxes.Any(m => m.Address == address) && Interlocked.Increment(ref refusals) <= 2 ? TryLater : SmtpResponse.Ok;
        var sent = await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].Status == "Sent");

        Assert.Single(api.Mail.To(address));
        Assert.True(sent[0].AttemptCount >= 4, $"Sent after {sent[0].AttemptCount} attempts");
        Assert.Equal(2, refusals - 1);
    }

    [Fact]
    public async Task A_5xx_answer_marks_the_email_failed_at_once_and_records_why_without_the_address()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress("refused.test");
        api.Mail.Answer = message => message.To.Mailboxes.Any(m => m.Address == address) ? NoSuchMailbox : SmtpResponse.Ok;
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        var failed = await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].Status == "Failed");

        Assert.Equal(1, failed[0].AttemptCount);
        Assert.Contains("550", failed[0].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(address, failed[0].Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(api.Mail.To(address));
    }

    [Fact]
    public async Task The_outbox_handler_running_again_for_the_same_event_sends_no_second_email()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress();
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(address, 1);

        // The committed event, exactly as the outbox holds it, handed to the planner twice more (a redelivery after a crash, twice).
        var row = await api.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.AggregateId == order.Id && m.Type == nameof(OrderStatusChanged)));
        var domainEvent = (OrderStatusChanged)DomainEventTypes.Deserialize(row.Type, row.Payload);
        var context = new DomainEventContext(row.Id, row.AggregateType, row.AggregateId, row.OccurredAt);
        for (var run = 0; run < 2; run++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            var planner = scope.ServiceProvider.GetServices<IDomainEventHandler<OrderStatusChanged>>().OfType<CustomerEmailPlanner>().Single();
            await planner.HandleAsync(domainEvent, context, CancellationToken.None);
        }

        // A later e-mail goes out after anything the reruns could have planned.
        var sentinel = NewAddress();
        var later = await merchant.CreateOrderForAsync(sentinel, rememberIn: api);
        await merchant.MoveAsync(later.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(sentinel, 1);

        Assert.Single(await ListAsync(merchant, order.Id));
        Assert.Single(api.Mail.To(address));
    }

    [Fact]
    public async Task A_burst_of_changes_while_the_email_waits_sends_one_email_about_the_latest_state()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var address = NewAddress("burst.test");
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);

        // The mail server refuses for now during the burst, so each e-mail waits for a retry while the next change comes.
        api.Mail.Answer = message => message.To.Mailboxes.Any(m => m.Address == address) ? TryLater : SmtpResponse.Ok;
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await merchant.MoveAsync(order.Id, OrderStatus.Preparing);
        await merchant.MoveAsync(order.Id, OrderStatus.ReadyForPickup);
        await OutForDeliveryAsync(courier, order.Id);
        await courier.MoveAsync(order.Id, OrderStatus.Delivered);

        // An e-mail already being sent when a later one is planned cannot be called back; refused, it is superseded when
        // its retry comes. The server accepts again once only the latest is left waiting.
        await ListWhenAsync(merchant, order.Id, l => l.Count == 3 && l[0].Status == "Superseded" && l[1].Status == "Superseded" && l[2].AttemptCount >= 1);
        api.Mail.Answer = _ => SmtpResponse.Ok;

        var lines = await ListWhenAsync(merchant, order.Id, l => l.Count == 3 && l[2].Status == "Sent");

        Assert.True(lines.Select(l => l.Status).SequenceEqual(["Superseded", "Superseded", "Sent"]), JsonSerializer.Serialize(lines));
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.Delivered], lines.Select(l => l.Event));
        Assert.Equal("Delivered: your order from Corner Bakery", Assert.Single(api.Mail.To(address)).Subject);
    }

    [Fact]
    public async Task One_address_gets_no_more_than_its_hourly_limit_while_other_addresses_are_still_served()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress("limited.test");
        var orders = new List<OrderResponse>();
        for (var i = 0; i <= Factory.PerRecipientPerHour; i++)
        {
            var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            orders.Add(order);
            if (i < Factory.PerRecipientPerHour)
            {
                await api.Mail.WaitForMailAsync(address, i + 1);
            }
        }

        // An e-mail planned after the one over the limit goes out: the sender has looked at that one and held it back.
        var sentinel = NewAddress();
        var later = await merchant.CreateOrderForAsync(sentinel, rememberIn: api);
        await merchant.MoveAsync(later.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(sentinel, 1);
        var held = await ListAsync(merchant, orders[^1].Id);

        Assert.Equal(Factory.PerRecipientPerHour, api.Mail.To(address).Count);
        Assert.Equal(("Pending", 0), (held.Single().Status, held.Single().AttemptCount));
    }

    [Fact]
    public async Task A_merchant_whose_emails_are_slow_to_send_does_not_hold_up_another_merchants_email()
    {
        var (slowMerchant, _) = await MerchantSendingAsync(api, businessName: "Slow Shop");
        var (merchant, _) = await MerchantSendingAsync(api);
        api.Mail.Delay = message => message.To.Mailboxes.Any(m => m.Domain == "slow.test") ? TimeSpan.FromSeconds(3) : TimeSpan.Zero;
        var slowAddresses = Enumerable.Range(0, 5).Select(_ => NewAddress("slow.test")).ToList();
        try
        {
            foreach (var slowAddress in slowAddresses)
            {
                var slowOrder = await slowMerchant.CreateOrderForAsync(slowAddress, rememberIn: api);
                await slowMerchant.MoveAsync(slowOrder.Id, OrderStatus.Confirmed);
            }

            var address = NewAddress();
            var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            await api.Mail.WaitForMailAsync(address, 1);

            // At most two of the slow merchant's e-mails are sent at once, three seconds each: five take three rounds. The
            // other merchant's e-mail, planned after all five, went out before the last of them.
            var received = api.Mail.Received.Select(m => m.To.Mailboxes.Single().Address).ToList();
            Assert.True(
                received.Count(slowAddresses.Contains) < slowAddresses.Count,
                $"The other merchant's e-mail arrived only after all the slow merchant's: {JsonSerializer.Serialize(received)}");
            await Eventually.WaitForAsync(() => Task.FromResult(api.Mail.Received.Count(m => m.To.Mailboxes.Any(t => t.Domain == "slow.test"))), n => n == slowAddresses.Count);
        }
        finally
        {
            api.Mail.Delay = _ => TimeSpan.Zero;
        }
    }
}
