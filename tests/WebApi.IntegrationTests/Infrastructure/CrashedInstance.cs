using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.Infrastructure.Webhooks;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// An instance on another instance's database whose outbox dispatcher, live lane and webhook delivery worker never run: its
/// commits are made and answered and nothing after them happens, as when the process is killed right after each
/// commit. Dispose it to finish the crash; the instance started next must find what it left.
/// </summary>
public sealed class DiesAfterCommit(string connectionString) : WebhookApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["ConnectionStrings:OrderTracking"] = connectionString };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var afterCommit = services.Where(d => d.ServiceType == typeof(IHostedService) && (Runs<OutboxDispatcher>(d) || Runs<LiveAnnouncer>(d) || Runs<WebhookDeliveryWorker>(d))).ToList();
            if (afterCommit.Count != 3)
            {
                throw new InvalidOperationException($"Expected the outbox dispatcher, the live lane and the webhook worker among the hosted services, found {afterCommit.Count} of them.");
            }

            afterCommit.ForEach(d => services.Remove(d));
        });
    }

    private static bool Runs<T>(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType == typeof(T) || descriptor.ImplementationFactory?.Method.ReturnType == typeof(T);
}

/// <summary>
/// The instance started after a <see cref="DiesAfterCommit"/> crashed, as a class fixture that no test starts before
/// the crash. It sweeps the outbox every second rather than every ten.
/// </summary>
public sealed class NextInstanceFactory : WebhookApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Outbox:SweepInterval"] = "00:00:01" };
}
