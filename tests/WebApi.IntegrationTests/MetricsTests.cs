using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OrderTracking.Testing;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A production instance (its own process, JSON logs) with the Prometheus scrape address configured, after a little of
/// everything the dashboard shows: an order created and replayed, a status change, a live connection and a refused
/// request; and an idempotent create and status change whose commit the database refused. One scrape of
/// <c>/metrics</c> serves every test here.
/// </summary>
public sealed partial class MetricsTests(MetricsTests.ScrapedInstance instance) : IClassFixture<MetricsTests.ScrapedInstance>
{
    public sealed class ScrapedInstance : IAsyncLifetime
    {
        private WebApiProcess? _process;

        public string Metrics { get; private set; } = string.Empty;
        public int MetricsPort { get; private set; }
        public string Database { get; private set; } = string.Empty;
        public HttpStatusCode MetricsOnPublicPort { get; private set; }
        public HttpStatusCode RefusedCreate { get; private set; }
        public HttpStatusCode RefusedStatusChange { get; private set; }
        public long RefusedWritesStored { get; private set; }
        public string Output => _process?.Output ?? string.Empty;

        public async Task InitializeAsync()
        {
            var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            var metricsPort = LoopbackPort.Free();
            MetricsPort = metricsPort;
            Database = database;

            // No listen address: the scrape port takes the default, loopback only.
            _process = WebApiProcess.StartWith(database, new Dictionary<string, string>
            {
                ["Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimiting__Tracking__PermitLimit"] = "1",
                ["Logging__LogLevel__OrderTracking"] = "Information",
            });
            await _process.WaitUntilReadyAsync();
            var (exitCode, output) = await WebApiProcess.RunVerbAsync(database, "create-admin", "--email", "metrics@example.com", "--password", "Metrics-admin-1", "--name", "Ops");
            Assert.True(exitCode == 0, output);

            using var admin = new HttpClient { BaseAddress = _process.BaseAddress };
            var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = "metrics@example.com", password = "Metrics-admin-1" });
            await login.ShouldBeAsync(HttpStatusCode.OK);
            var token = (await login.ReadAsync<LoginResponse>()).AccessToken;
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(_process.BaseAddress, "/hubs/orders"), options =>
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            await hub.StartAsync();

            var merchant = await admin.PostAsJsonAsync("/api/users", new { email = "m@example.com", password = "Merchant123!", displayName = "M", role = "Merchant" });
            var merchantId = (await merchant.ReadAsync<UserResponse>()).Id;
            var key = Guid.NewGuid().ToString();
            var body = OrderRequests.ValidOrder(merchantId: merchantId);
            OrderResponse? order = null;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var create = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
                create.Headers.Add("Idempotency-Key", key);
                var created = await admin.SendAsync(create);
                await created.ShouldBeAsync(HttpStatusCode.Created);
                order = await created.ReadAsync<OrderResponse>();
            }

            await admin.MoveAsync(order!.Id, Domain.Orders.OrderStatus.Confirmed);

            // Saved inside the request's transaction, refused at its commit: nothing of these two may be counted.
            await ExecuteAsync(database, """
                CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
                CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT OR UPDATE ON orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                    WHEN (NEW.customer_name = 'Refused at commit' OR NEW.status = 'Cancelled') EXECUTE FUNCTION refuse_at_commit();
                """);
            RefusedCreate = await SendIdempotentAsync(admin, "/api/orders", OrderRequests.ValidOrder("Refused at commit", merchantId));
            RefusedStatusChange = await SendIdempotentAsync(admin, $"/api/orders/{order.Id}/status", new { status = "Cancelled", reason = "Refused at commit" });
            RefusedWritesStored = (long)(await ExecuteAsync(database, "SELECT count(*) FROM orders WHERE customer_name = 'Refused at commit' OR status = 'Cancelled'"))!;
            using var anonymous = new HttpClient { BaseAddress = _process.BaseAddress };
            await anonymous.GetAsync($"/api/tracking/{order.TrackingCode}");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/api/tracking/{order.TrackingCode}")).StatusCode);

            using var scraper = new HttpClient();
            Metrics = await scraper.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
            MetricsOnPublicPort = (await anonymous.GetAsync("/metrics")).StatusCode;
        }

        private static async Task<HttpStatusCode> SendIdempotentAsync(HttpClient client, string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return (await client.SendAsync(request)).StatusCode;
        }

        private static async Task<object?> ExecuteAsync(string database, string sql)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }
        }
    }

    /// <summary>Every sample's value by its series (name and labels, as written; the timestamp after the value is dropped).</summary>
    private Dictionary<string, double> Samples() =>
        instance.Metrics.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line =>
            {
                var end = line.Contains('{') ? line.LastIndexOf('}') + 1 : line.IndexOf(' ');
                var value = line[end..].Trim().Split(' ')[0];
                return (Series: line[..end], Value: double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            })
            .GroupBy(sample => sample.Series)
            .ToDictionary(g => g.Key, g => g.Last().Value);

    private double Sum(string name, params string[] labels) =>
        Samples().Where(s => (s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal)) && labels.All(l => s.Key.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    [Fact]
    public void Metrics_show_the_domain_counters_after_a_create_a_replay_a_status_change_and_a_refusal()
    {
        Assert.Equal(1, Sum("ordertracking_orders_created_total"));
        Assert.Equal(1, Sum("ordertracking_idempotency_replays_total"));
        Assert.Equal(1, Sum("ordertracking_orders_status_changes_total", "from=\"Pending\"", "to=\"Confirmed\""));
        Assert.Equal(1, Sum("ordertracking_rate_limit_refusals_total", "policy=\"tracking\""));
    }

    [Fact]
    public void An_idempotent_create_and_status_change_refused_at_their_commit_are_not_counted()
    {
        // A server error: both passed validation and the handler, and failed only at the commit.
        Assert.True((int)instance.RefusedCreate >= 500, $"the refused create answered {instance.RefusedCreate}");
        Assert.True((int)instance.RefusedStatusChange >= 500, $"the refused status change answered {instance.RefusedStatusChange}");
        Assert.Equal(0, instance.RefusedWritesStored);

        Assert.Equal(1, Sum("ordertracking_orders_created_total"));
        Assert.Equal(0, Sum("ordertracking_orders_status_changes_total", "to=\"Cancelled\""));
    }

    [Fact]
    public void Metrics_show_requests_SQL_and_live_connections()
    {
        Assert.True(Sum("http_server_request_duration_seconds_count", "/status\"") >= 1, instance.Metrics);
        Assert.Contains(Samples().Keys, series => series.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Equal(1, Sum("signalr_server_active_connections"));
    }

    [Fact]
    public async Task By_default_the_scrape_port_listens_on_loopback_only()
    {
        Assert.Contains($"Now listening on: http://127.0.0.1:{instance.MetricsPort}", instance.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"[::]:{instance.MetricsPort}", instance.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"0.0.0.0:{instance.MetricsPort}", instance.Output, StringComparison.Ordinal);

        // From another interface of this machine (when it has one) nothing answers on the scrape port.
        var other = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (other is not null)
        {
            using var client = new System.Net.Sockets.TcpClient();
            await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(other, instance.MetricsPort));
        }
    }

    [Fact]
    public void The_connection_pools_are_labelled_by_their_fixed_names_never_by_host_database_or_user()
    {
        var poolNames = PoolName().Matches(instance.Metrics).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("order-tracking", poolNames);
        Assert.All(poolNames, name => Assert.Contains(name, new[] { "order-tracking", "order-tracking-exports", "order-tracking-listener" }));
        var settings = new NpgsqlConnectionStringBuilder(instance.Database);
        Assert.All(poolNames, name => Assert.DoesNotContain(new[] { settings.Host!, settings.Database!, settings.Username!, "Port=" }, part => name.Contains(part, StringComparison.Ordinal)));
    }

    [GeneratedRegex("db_client_connection_pool_name=\"([^\"]*)\"")]
    private static partial Regex PoolName();

    [Fact]
    public void The_scrape_endpoint_is_not_served_on_the_public_port()
    {
        Assert.Equal(HttpStatusCode.NotFound, instance.MetricsOnPublicPort);
    }

    [Fact]
    public void The_dashboard_parses_and_names_only_metrics_the_instance_exposes()
    {
        var exposed = Samples().Keys.Select(series => SeriesName().Match(series).Value).ToHashSet(StringComparer.Ordinal);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(PlatformTests.RepositoryRoot(), "observability", "grafana", "dashboards", "order-tracking.json")));
        var expressions = Expressions(dashboard.RootElement).ToList();

        Assert.NotEmpty(expressions);
        var named = expressions.SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("ordertracking_orders_created_total", named);
        var missing = named.Where(name => !exposed.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"the dashboard names {string.Join(", ", missing)}, which the instance does not expose; it exposes: {string.Join(", ", exposed.Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public void Production_logs_are_JSON_lines_carrying_the_trace_id()
    {
        var lines = instance.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.StartsWith('{')).ToList();
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

        // The first: the status change refused at its commit was handled too, before its commit failed.
        var handled = entries.First(e => e.GetProperty("Message").GetString()!.StartsWith("Handled ChangeOrderStatusCommand", StringComparison.Ordinal));
        var traceIds = handled.GetProperty("Scopes").EnumerateArray()
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            .Select(scope => scope.GetProperty("TraceId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(traceIds));
    }

    private static IEnumerable<string> Expressions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Expressions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Expressions),
        _ => [],
    };

    /// <summary>The metric names of a PromQL expression: what is left once labels, ranges, groupings, numbers and functions are taken out.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var bare = Grouping().Replace(LabelsOrRanges().Replace(expression, " "), " ");
        return Identifier().Matches(bare).Select(m => m.Value).Where(token => !PromQl.Contains(token));
    }

    private static readonly HashSet<string> PromQl =
    [
        "sum", "rate", "irate", "increase", "histogram_quantile", "avg", "max", "min", "count", "topk", "bottomk", "clamp_min",
        "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "vector", "scalar", "e", "Inf", "NaN",
    ];

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]|""[^""]*""")]
    private static partial Regex LabelsOrRanges();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex SeriesName();
}

/// <summary>The scrape port's settings: the former URL setting (which bound every interface by example) is refused, and so is an address that is not one.</summary>
public sealed class MetricsSettingsTests
{
    [Theory]
    [InlineData("Metrics__PrometheusUrl", "http://*:9464", "Metrics:PrometheusUrl is no longer read")]
    [InlineData("Metrics__ListenAddress", "every-interface", "Metrics:ListenAddress must be an IP address")]
    public async Task Startup_refuses_a_metrics_setting_that_would_not_bind_what_it_says(string key, string value, string message)
    {
        // It fails while the host is built, before any database is asked.
        await using var process = WebApiProcess.StartWith("Host=127.0.0.1;Database=unused", new Dictionary<string, string> { ["Metrics__Port"] = "9464", [key] = value });
        await process.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(message, process.Output, StringComparison.Ordinal);
    }
}
