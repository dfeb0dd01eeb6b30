using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// With an OTLP endpoint configured, a request is one trace: the HTTP server span, the mediator request's span under
/// it, and the SQL statements under that. The spans are caught by an in-memory exporter beside the app's own.
/// </summary>
public sealed class TracingTests(TracingTests.Factory api) : IClassFixture<TracingTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        private readonly LockedSpans _spans = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // Tracing is on when an OTLP endpoint is set; this one refuses connections, so nothing leaves the test. A
            // host setting, because the composition root reads it while registering services, before app settings apply.
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{OrderTracking.Testing.LoopbackPort.Free()}");
            builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
        }

        public List<Activity> Snapshot() => _spans.Snapshot();
    }

    /// <summary>The exporter adds from the threads that end spans while the test reads.</summary>
    private sealed class LockedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }

    [Fact]
    public async Task A_status_change_is_one_trace_of_the_HTTP_span_the_handler_span_and_its_SQL_spans()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        // The server span ends just after the answer is sent: wait for it, within a bound.
        var path = $"/api/orders/{order.Id}/status";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Activity? http = null;
        while (http is null && DateTime.UtcNow < deadline)
        {
            http = api.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), path));
            if (http is null)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(http is not null, "no server span for the status change among: " + string.Join("; ", api.Snapshot().Select(s => $"{s.Source.Name} {s.Kind} {s.DisplayName}")));
        var trace = api.Snapshot().Where(s => s.TraceId == http.TraceId).ToList();
        var handler = Assert.Single(trace, s => s.Source.Name == OrderTrackingTelemetry.Name && s.DisplayName == "ChangeOrderStatusCommand");
        Assert.True(IsUnder(handler, http, trace), "the handler span is not under the HTTP span");
        var sql = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.Contains(sql, s => IsUnder(s, handler, trace) && (s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement")) is string text && text.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsUnder(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }
}
