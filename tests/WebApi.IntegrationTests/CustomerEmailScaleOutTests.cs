using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Notifications;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.CustomerEmails;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Several instances on one database and one mail server: each event is e-mailed once, and none is lost when an instance dies.</summary>
public sealed class CustomerEmailScaleOutTests(EmailApiFactory api) : IClassFixture<EmailApiFactory>
{
    /// <summary>Another instance of the same deployment, optionally one killed right after it commits (or after it plans).</summary>
    private sealed class OtherInstance(EmailApiFactory first, bool dispatches = true, bool sends = true) : EmailApiFactory
    {
        protected override (SmtpCatcher Mail, string ConnectionString)? SharedWith => (first.Mail, first.ConnectionString);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var dead = services.Where(d => d.ServiceType == typeof(IHostedService)
                    && ((!dispatches && Runs<OutboxDispatcher>(d)) || (!sends && Runs<EmailSender>(d)))).ToList();
                if (dead.Count != (dispatches ? 0 : 1) + (sends ? 0 : 1))
                {
                    throw new InvalidOperationException("The outbox dispatcher or the e-mail sender is not among the hosted services any more.");
                }

                dead.ForEach(d => services.Remove(d));
            });
        }

        private static bool Runs<T>(ServiceDescriptor descriptor) =>
            descriptor.ImplementationType == typeof(T) || descriptor.ImplementationFactory?.Method.ReturnType == typeof(T);
    }

    private async Task<OtherInstance> StartOtherAsync(bool dispatches = true, bool sends = true)
    {
        var other = new OtherInstance(api, dispatches, sends);
        await other.InitializeAsync();
        return other;
    }

    [Fact]
    public async Task Two_instances_each_dispatching_and_sending_email_each_event_once()
    {
        await using var second = await StartOtherAsync();
        var (onFirst, user) = await MerchantSendingAsync(api);
        var onSecond = await second.ClientForAsync(user);
        var addresses = Enumerable.Range(0, 6).Select(_ => NewAddress()).ToList();
        var orders = new List<OrderResponse>();
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            var client = i % 2 == 0 ? onFirst : onSecond;
            var order = await client.CreateOrderForAsync(address, rememberIn: api);
            await client.MoveAsync(order.Id, OrderStatus.Confirmed);
            orders.Add(order);
        }

        // Each order's next change is made on the other instance once its first e-mail has arrived (sooner, it would supersede it).
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            await api.Mail.WaitForMailAsync(address, 1);
            await (i % 2 == 0 ? onSecond : onFirst).MoveAsync(orders[i].Id, OrderStatus.Cancelled, reason: "Test of two instances");
        }

        foreach (var address in addresses)
        {
            await api.Mail.WaitForMailAsync(address, 2);
        }

        // Nothing arrives twice (each message is identified by its e-mail's id).
        var messages = addresses.SelectMany(api.Mail.To).ToList();
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(addresses, a => Assert.Equal(["Order confirmed", "Cancelled"], api.Mail.To(a).Select(m => m.Subject!.Split(':')[0])));
    }

    [Fact]
    public async Task Changes_committed_by_an_instance_killed_before_it_dispatched_or_sent_are_emailed_once_by_the_next_instance()
    {
        var (merchant, user) = await MerchantSendingAsync(api);
        var neverDispatched = NewAddress();
        var neverSent = NewAddress();
        OrderResponse first, second;

        // Killed right after the commit: the outbox row waits undispatched.
        await using (var dies = await StartOtherAsync(dispatches: false, sends: false))
        {
            var onDying = await dies.ClientForAsync(user);
            first = await onDying.CreateOrderForAsync(neverDispatched, rememberIn: api);
            await onDying.MoveAsync(first.Id, OrderStatus.Confirmed);
        }

        // Killed after planning, before sending: the e-mail waits planned.
        await using (var dies = await StartOtherAsync(sends: false))
        {
            var onDying = await dies.ClientForAsync(user);
            second = await onDying.CreateOrderForAsync(neverSent, rememberIn: api);
            await onDying.MoveAsync(second.Id, OrderStatus.Confirmed);
            await ListWhenAsync(onDying, second.Id, l => l.Count == 1);
        }

        // The next instance (this class's own) sweeps and sends both, once each.
        await api.Mail.WaitForMailAsync(neverDispatched, 1);
        await api.Mail.WaitForMailAsync(neverSent, 1);
        await ListWhenAsync(merchant, first.Id, l => l.Count == 1 && l[0].Status == "Sent");
        await ListWhenAsync(merchant, second.Id, l => l.Count == 1 && l[0].Status == "Sent");

        Assert.Single(api.Mail.To(neverDispatched));
        Assert.Single(api.Mail.To(neverSent));
    }
}
