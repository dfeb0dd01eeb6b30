using System.Collections.Concurrent;
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
/// latest; that one address and one merchant get no more than their limits; and that an e-mail whose sender died
/// while sending it goes out once when its claim runs out.
/// </summary>
public sealed class CustomerEmailDeliveryTests(CustomerEmailDeliveryTests.Factory api) : IClassFixture<CustomerEmailDeliveryTests.Factory>
{
    /// <summary>
    /// Each test uses a merchant and addresses of its own; three e-mails an hour to one address and five a minute of one
    /// merchant are the limits here.
    /// </summary>
    public sealed class Factory : EmailApiFactory
    {
        public const int PerRecipientPerHour = 3;
        public const int PerMerchantPerMinute = 5;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
        {
            ["Notifications:PerRecipientPerHour"] = PerRecipientPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:PerMerchantPerMinute"] = PerMerchantPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static readonly SmtpResponse TryLater = new(SmtpReplyCode.ServiceUnavailable, "4.3.2 Try again later");
    private static readonly SmtpResponse NoSuchMailbox = new(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such mailbox here");

    [Fact]
    public async Task A_mail_server_that_is_down_and_then_answers_4xx_gets_the_email_once_it_accepts_sent_once()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress("down-then-up.test");
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        var refusals = 0;
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
            // Up again, but busy: two 4xx answers, then it takes the message. Set while the server is down, so no retry
            // can reach it between its start and this answer and be taken at once.
            api.Mail.Answer = message => message.To.Mailboxes.Any(m => m.Address == address) && Interlocked.Increment(ref refusals) <= 2 ? TryLater : SmtpResponse.Ok;
            await api.Mail.StartAgainAsync();
        }

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
        var orders = await ConfirmedWhileRefusedAsync(merchant, Enumerable.Repeat(address, Factory.PerRecipientPerHour + 1), "limited.test");

        var served = await Eventually.WaitForAsync(() => Task.FromResult(api.Mail.To(address).Count), n => n >= Factory.PerRecipientPerHour);
        Assert.Equal(Factory.PerRecipientPerHour, served);
        await AnotherMerchantsEmailGoesOutAsync();

        Assert.Equal(Factory.PerRecipientPerHour, api.Mail.To(address).Count);
        Assert.Equal(["Pending", .. Enumerable.Repeat("Sent", Factory.PerRecipientPerHour)], await StatusesAsync(merchant, orders));
    }

    [Fact]
    public async Task One_merchant_sends_no_more_than_its_limit_a_minute_while_another_merchants_email_still_goes_out()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var addresses = Enumerable.Range(0, Factory.PerMerchantPerMinute + 1).Select(_ => NewAddress("merchant-limit.test")).ToList();
        var orders = await ConfirmedWhileRefusedAsync(merchant, addresses, "merchant-limit.test");

        var served = await Eventually.WaitForAsync(() => Task.FromResult(addresses.Count(a => api.Mail.To(a).Count > 0)), n => n >= Factory.PerMerchantPerMinute);
        Assert.Equal(Factory.PerMerchantPerMinute, served);
        await AnotherMerchantsEmailGoesOutAsync();

        Assert.Equal(Factory.PerMerchantPerMinute, addresses.Count(a => api.Mail.To(a).Count > 0));
        Assert.Equal(["Pending", .. Enumerable.Repeat("Sent", Factory.PerMerchantPerMinute)], await StatusesAsync(merchant, orders));
    }

    /// <summary>
    /// Confirms an order for each address while the mail server refuses <paramref name="domain"/> for now, waits until
    /// each e-mail has been tried, then lets the server accept: all are due together, so the limits, not the pace of the
    /// test, decide how many go out.
    /// </summary>
    private async Task<List<OrderResponse>> ConfirmedWhileRefusedAsync(HttpClient merchant, IEnumerable<string> addresses, string domain)
    {
        api.Mail.Answer = message => message.To.Mailboxes.Any(m => m.Domain == domain) ? TryLater : SmtpResponse.Ok;
        var orders = new List<OrderResponse>();
        foreach (var address in addresses)
        {
            var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            orders.Add(order);
        }

        foreach (var order in orders)
        {
            await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].AttemptCount >= 1);
        }

        api.Mail.Answer = _ => SmtpResponse.Ok;
        return orders;
    }

    /// <summary>An e-mail of another merchant, planned now, goes out: the sender has since looked at every e-mail due before it.</summary>
    private async Task AnotherMerchantsEmailGoesOutAsync()
    {
        var (other, _) = await MerchantSendingAsync(api, businessName: "Other Shop");
        var sentinel = NewAddress();
        var order = await other.CreateOrderForAsync(sentinel, rememberIn: api);
        await other.MoveAsync(order.Id, OrderStatus.Confirmed);
        await api.Mail.WaitForMailAsync(sentinel, 1);
    }

    private static async Task<List<string>> StatusesAsync(HttpClient merchant, IEnumerable<OrderResponse> orders)
    {
        var statuses = new List<string>();
        foreach (var order in orders)
        {
            statuses.Add((await ListAsync(merchant, order.Id)).Single().Status);
        }

        return statuses.Order(StringComparer.Ordinal).ToList();
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

    [Fact]
    public async Task An_email_claimed_by_an_instance_that_died_while_sending_it_is_sent_once_when_the_claim_runs_out()
    {
        var (merchant, _) = await MerchantSendingAsync(api);
        var address = NewAddress("claimed.test");
        var tries = new ConcurrentQueue<DateTimeOffset>();
        var accepting = false;
        api.Mail.Answer = message =>
        {
            if (!message.To.Mailboxes.Any(m => m.Address == address))
            {
                return SmtpResponse.Ok;
            }

            tries.Enqueue(DateTimeOffset.UtcNow);
            return Volatile.Read(ref accepting) ? SmtpResponse.Ok : TryLater;
        };
        var order = await merchant.CreateOrderForAsync(address, rememberIn: api);
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        var id = (await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].AttemptCount >= 1))[0].Id;

        // Between its tries the e-mail is unclaimed. Another instance claims it as the sender does (a lease and an attempt)
        // and dies before it records anything: the claim holds until its lease ends.
        var leaseEnds = await Eventually.WaitForAsync(
            () => api.WithDbAsync(async db => (await db.Database.SqlQuery<DateTimeOffset>(
                    $"""
                    UPDATE email_notifications SET claimed_until = now() + interval '3 seconds', attempt_count = attempt_count + 1, next_attempt_at = now()
                    WHERE id = {id} AND status = 'Pending' AND (claimed_until IS NULL OR claimed_until < now())
                    RETURNING claimed_until AS "Value"
                    """).ToListAsync()).Select(at => (DateTimeOffset?)at).SingleOrDefault()),
            at => at is not null);
        Assert.NotNull(leaseEnds);
        var triedBeforeTheClaim = tries.Count;
        Volatile.Write(ref accepting, true);

        var sent = (await ListWhenAsync(merchant, order.Id, l => l.Count == 1 && l[0].Status == "Sent"))[0];

        Assert.Single(api.Mail.To(address));
        Assert.All(tries.Skip(triedBeforeTheClaim), at => Assert.True(at >= leaseEnds, $"Tried at {at:O}, while the claim held until {leaseEnds:O}"));
        Assert.True(sent.SentAt >= leaseEnds);
        Assert.Equal(tries.Count + 1, sent.AttemptCount);
    }
}
