using System.Reflection;
using System.Text.RegularExpressions;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The decision records and the README stay current: every ADR has its four sections, and every name of this project
/// they put in backticks (a type, or a member written <c>Type.Member</c>) still exists in the solution's assemblies or
/// the web client. A record whose Status says it is superseded is history and is not checked for names.
/// </summary>
public sealed partial class DecisionRecordTests
{
    private static readonly string Root = PlatformTests.RepositoryRoot();

    /// <summary>
    /// Names of libraries, frameworks and outside designs the documents mention in backticks: not this project's, so
    /// not looked up. Short on purpose: a project name that disappears must not hide here.
    /// </summary>
    private static readonly HashSet<string> LibraryNames = new(StringComparer.Ordinal)
    {
        // Namespaces that start a qualified name.
        "Microsoft", "System", "OrderTracking", "Riok",
        // ASP.NET Core, the generic host, System.Net and System.Text.Json.
        "AllowInputFormatterExceptionMessages", "ForwardedHeadersMiddleware", "HostOptions", "HttpOnly", "HubException",
        "ITimeLimitedDataProtector", "JsonConverter", "KnownNetworks", "OnTokenValidated", "ProtectKeysWithCertificate",
        "SocketsHttpHandler", "Task",
        // EF Core and Npgsql.
        "AutoTransactionBehavior", "EnableRetryOnFailure", "IsRowVersion", "SaveChanges", "BufferedDataReader", "SingleQuery",
        "SplitQuery", "AsSingleQuery", "AsSplitQuery",
        // SignalR's managers and StackExchange.Redis.
        "HubLifetimeManager", "DefaultHubLifetimeManager", "RedisHubLifetimeManager", "RedisOptions", "AbortOnConnectFail",
        // The mediator library and NSwag.
        "IPipelineBehavior", "IRequest", "IRequestHandler", "IOpenApiDocumentGenerator",
        // dotnet/eShop's names for the patterns compared with.
        "IdentifiedCommand", "TransactionBehavior",
        // W3C trace context and the browser.
        "TraceId", "SpanId", "BroadcastChannel",
    };

    [Fact]
    public void Every_decision_record_has_status_context_decision_and_consequences()
    {
        var missing = DecisionRecords()
            .SelectMany(path => MissingSections(File.ReadAllText(path)).Select(section => $"{Relative(path)}: no {section} section"))
            .ToList();

        Assert.True(missing.Count == 0, "Decision records without a required section:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_project_name_in_backticks_in_the_decision_records_and_the_README_still_exists()
    {
        var known = ProjectNames();
        var documents = DecisionRecords().Where(path => !IsSuperseded(File.ReadAllText(path))).Append(Path.Combine(Root, "README.md"));

        var stale = documents
            .SelectMany(path => StaleNames(File.ReadAllText(path), known).Select(name => $"{Relative(path)}: `{name}`"))
            .ToList();

        Assert.True(
            stale.Count == 0,
            "These documents name types that no longer exist in the solution or the client (rename them, describe the past " +
            "in words, or add a library's name to DecisionRecordTests.LibraryNames):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void The_checks_find_a_missing_section_a_renamed_type_and_a_member_of_a_renamed_type()
    {
        var known = ProjectNames();
        const string broken = """
            # 99. A record with a stale name

            Status: accepted

            ## Context
            `OrderRepository` reads, `IUnitOfWork` saves, `ITrackingTimelineReader` was removed, and so was
            `IdempotentWorkInterruptedException`; `Order.MoveTo` stays, `OrderLedger.Append` never was.

            ## Decision
            `PartnerOrdersClient` and `Dialog.Trigger` live in the client; `Microsoft.AspNetCore.SignalR` is a library,
            `Redis:ConnectionString` a setting, `Pending` one word, `SELECT` a keyword.
            """;

        Assert.Equal(["Consequences"], MissingSections(broken));
        Assert.Equal(["ITrackingTimelineReader", "IdempotentWorkInterruptedException", "OrderLedger"], StaleNames(broken, known));
        Assert.True(IsSuperseded("# 1. Old\n\nStatus: superseded by ADR 0037\n"));
        Assert.True(IsSuperseded("# 1. Old\n\n## Status\nSuperseded by ADR 0037.\n"));
        Assert.False(IsSuperseded("# 1. Kept\n\n## Status\nAccepted; partly superseded by ADR 0022.\n"));
    }

    private static IEnumerable<string> DecisionRecords() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs", "decisions"), "*.md").Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Status may be a line (<c>Status: accepted</c>) or a heading; the others are headings.</summary>
    private static List<string> MissingSections(string text) =>
        new[] { "Status", "Context", "Decision", "Consequences" }
            .Where(section => !Regex.IsMatch(text, $@"^(## {section}\s*$|{section}:\s*\S)", RegexOptions.Multiline))
            .ToList();

    /// <summary>Superseded as a whole: the Status says so first. "Accepted; partly superseded" is still current.</summary>
    private static bool IsSuperseded(string text) =>
        StatusText().Match(text) is { Success: true } status && status.Groups["status"].Value.TrimStart().StartsWith("Superseded", StringComparison.OrdinalIgnoreCase);

    private static List<string> StaleNames(string markdown, HashSet<string> known) =>
        InlineCode().Matches(FencedBlock().Replace(markdown, string.Empty))
            .Select(code => TypeNameIn(code.Groups["code"].Value))
            .OfType<string>()
            .Where(name => !known.Contains(name) && !LibraryNames.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The type a backticked text names, or null when it does not look like one: <c>OrderRepository</c>,
    /// <c>IDomainEventHandler&lt;TEvent&gt;</c>, <c>Order.MoveTo</c> (the type before the dot). A single word (<c>Pending</c>,
    /// <c>Order</c>) is as likely a status or a role as a type, and is not taken for one unless a member follows it.
    /// </summary>
    private static string? TypeNameIn(string code)
    {
        var match = TypeLike().Match(code);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["type"].Value;
        var qualified = match.Groups["member"].Success;
        return qualified || CompoundName().IsMatch(name) ? name : null;
    }

    /// <summary>
    /// Every type (nested ones too, without generic arity) and member declared in the solution's assemblies, the types
    /// of this test project, the names the web client and its generated API client export, and the string literals of
    /// the server's sources (a top-level setting such as <c>ShutdownTimeoutSeconds</c> is read by that name only).
    /// </summary>
    private static HashSet<string> ProjectNames()
    {
        var assemblies = new[]
        {
            typeof(OrderTracking.Domain.Orders.Order).Assembly,
            typeof(OrderTracking.Application.DependencyInjection).Assembly,
            typeof(OrderTracking.Infrastructure.DependencyInjection).Assembly,
            typeof(OrderTracking.WebApi.OrderTrackingServices).Assembly,
            typeof(OrderTracking.DemoData.DemoDataSeeder).Assembly,
            typeof(DecisionRecordTests).Assembly,
        };
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(assembly => assembly.GetTypes()))
        {
            names.Add(type.Name.Split('`')[0]);
            foreach (var member in type.GetMembers(declared))
            {
                names.Add(member.Name);
            }
        }

        var clientSources = new[] { Path.Combine(Root, "client", "src"), Path.Combine(Root, "packages", "api-client", "src") }
            .Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.ts*", SearchOption.AllDirectories));
        foreach (var file in clientSources)
        {
            names.UnionWith(ClientExport().Matches(File.ReadAllText(file)).Select(export => export.Groups["name"].Value));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            names.UnionWith(StringLiteral().Matches(File.ReadAllText(file)).Select(literal => literal.Groups["name"].Value));
        }

        return names;
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^(?<type>I?[A-Z][A-Za-z0-9]*)(<[^`]*>)?(?<member>(\.[A-Za-z_][A-Za-z0-9_]*)+)?(\(\))?$")]
    private static partial Regex TypeLike();

    /// <summary>Two or more capitalised words (<c>UnitOfWork</c>), or an interface (<c>IUnitOfWork</c>).</summary>
    [GeneratedRegex(@"^(I(?=[A-Z][a-z]))?[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$")]
    private static partial Regex CompoundName();

    [GeneratedRegex(@"^(Status:(?<status>.*)|## Status\s*\n(?<status>.*))$", RegexOptions.Multiline)]
    private static partial Regex StatusText();

    [GeneratedRegex(@"export\s+(default\s+)?(abstract\s+)?(function|class|const|interface|type|enum)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ClientExport();

    [GeneratedRegex(@"""(?<name>[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex StringLiteral();
}
