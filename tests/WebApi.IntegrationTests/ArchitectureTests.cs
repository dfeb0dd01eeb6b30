using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Dependencies point inward only; the compiler holds the project references, this holds the namespaces.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(OrderTracking.Domain.Orders.Order).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(OrderTracking.Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(OrderTracking.Infrastructure.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly WebApi = typeof(OrderTracking.WebApi.OrderTrackingServices).Assembly;
    private static readonly System.Reflection.Assembly DemoData = typeof(OrderTracking.DemoData.DemoDataSeeder).Assembly;

    /// <summary>Every aggregate of the Domain and the namespace of its events: what the after-commit path must not name.</summary>
    private static readonly string[] Aggregates = Domain.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.IsAssignableTo(typeof(OrderTracking.Domain.Common.AggregateRoot)))
        .SelectMany(t => new[] { t.FullName!, t.Namespace + ".Events" })
        .Distinct()
        .ToArray();

    private static readonly string[] MediatorSenders = ["Mediator.IMediator", "Mediator.ISender", "Mediator.IPublisher"];

    [Fact]
    public void The_domain_knows_no_framework_and_no_outer_layer() =>
        AssertHolds(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "OrderTracking.Application", "OrderTracking.Infrastructure", "OrderTracking.WebApi",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Mediator", "FluentValidation", "Npgsql"));

    [Fact]
    public void The_application_knows_no_EF_Core_ASP_NET_Core_SignalR_or_outer_layer() =>
        AssertHolds(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "OrderTracking.Infrastructure", "OrderTracking.WebApi",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "CsvHelper", "BCrypt"));

    [Fact]
    public void The_rules_see_real_dependencies_so_they_can_fail()
    {
        Assert.False(Types.InAssembly(Application).ShouldNot().HaveDependencyOn("FluentValidation").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
    }

    [Fact]
    public void Infrastructure_does_not_reach_into_the_web_layer() =>
        AssertHolds(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("OrderTracking.WebApi"));

    [Fact]
    public void Only_the_demo_data_uses_the_fake_data_library()
    {
        // Bogus makes up customers for a Development database; the layers every environment loads must not carry it.
        foreach (var layer in new[] { Domain, Application, Infrastructure, WebApi })
        {
            Assert.DoesNotContain(layer.GetReferencedAssemblies(), reference => reference.Name == "Bogus");
        }

        AssertHolds(Types.InAssemblies([Domain, Application, Infrastructure, WebApi]).ShouldNot().HaveDependencyOn("Bogus"));

        // The seeder does use it, so both checks can see a reference.
        Assert.Contains(DemoData.GetReferencedAssemblies(), reference => reference.Name == "Bogus");
        Assert.False(Types.InAssembly(DemoData).ShouldNot().HaveDependencyOn("Bogus").GetResult().IsSuccessful);
    }

    [Fact]
    public void The_web_layer_has_no_room_named_Infrastructure()
    {
        // Inside the WebApi that name reads as the Infrastructure project; its rooms are named for what they hold.
        AssertHolds(Types.InAssembly(WebApi).Should().NotResideInNamespaceStartingWith("OrderTracking.WebApi.Infrastructure"));
        var folder = Path.Combine(PlatformTests.RepositoryRoot(), "src", "WebApi", "Infrastructure");
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any(), $"{folder} holds code again.");

        // The same rule over a room that exists fails: the rule sees the namespaces.
        Assert.False(Types.InAssembly(WebApi).Should().NotResideInNamespaceStartingWith("OrderTracking.WebApi.Http").GetResult().IsSuccessful);
    }

    [Fact]
    public void Domain_entities_expose_no_public_setters()
    {
        var leaky = Domain.GetTypes()
            .Where(t => t.IsClass && t.Namespace?.StartsWith("OrderTracking.Domain", StringComparison.Ordinal) == true && !t.IsAssignableTo(typeof(Exception)))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && !p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit")).Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.Empty(leaky);
    }

    [Fact]
    public void The_after_commit_path_names_no_aggregate_and_no_event()
    {
        Assert.Contains(typeof(OrderTracking.Domain.Orders.Order).FullName!, Aggregates);
        AssertHolds(AfterCommitPath().ShouldNot().HaveDependencyOnAny(Aggregates));

        // The same rule over a repository, which does name its aggregate, fails: the rule can see it.
        Assert.False(Types.InAssembly(Infrastructure).That().HaveName("OrderRepository").ShouldNot().HaveDependencyOnAny(Aggregates).GetResult().IsSuccessful);
    }

    private static PredicateList AfterCommitPath() =>
        Types.InAssembly(Infrastructure).That().ResideInNamespace("OrderTracking.Infrastructure.Outbox").Or().HaveName("UnitOfWork");

    [Fact]
    public void No_handler_sends_a_mediator_request_from_inside_another()
    {
        // Application holds every request and event handler; the live-update port's implementation is called by them.
        AssertHolds(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(MediatorSenders));
        AssertHolds(Types.InAssembly(WebApi).That().ResideInNamespace("OrderTracking.WebApi.Hubs").ShouldNot().HaveDependencyOnAny(MediatorSenders));

        // Controllers do send requests, so the rule sees the dependency.
        Assert.False(Types.InAssembly(WebApi).That().ResideInNamespace("OrderTracking.WebApi.Controllers").ShouldNot().HaveDependencyOnAny(MediatorSenders).GetResult().IsSuccessful);
    }

    [Fact]
    public void One_currency_list_exists_and_the_domain_owns_it()
    {
        // The ISO 4217 list comes from RegionInfo; a second reader of it would be a second currency rule.
        AssertHolds(Types.InAssemblies([Domain, Application, Infrastructure, WebApi])
            .That().DoNotHaveName("CurrencyCode")
            .ShouldNot().HaveDependencyOn("System.Globalization.RegionInfo"));

        Assert.False(Types.InAssembly(Domain).That().HaveName("CurrencyCode")
            .ShouldNot().HaveDependencyOn("System.Globalization.RegionInfo").GetResult().IsSuccessful);
    }

    [Fact]
    public void A_status_change_is_built_in_one_place_whichever_route_names_the_order()
    {
        // Both status routes send it; only one piece of code may turn a request into the command.
        Assert.Single(BuildersOf("OrderTracking.Application.Orders.Commands.ChangeOrderStatus.ChangeOrderStatusCommand"));
    }

    [Fact]
    public void A_proof_delivery_is_built_in_one_place_whichever_route_names_the_order()
    {
        // Both proof-of-delivery routes send it; only one piece of code may turn the form into the command.
        Assert.Equal(["OrderTracking.WebApi.Controllers.OrderStatusRoute"], BuildersOf("OrderTracking.Application.Proofs.Commands.DeliverWithProof.DeliverWithProofCommand"));
    }

    private static List<string> BuildersOf(string command)
    {
        using var module = ModuleDefinition.ReadModule(WebApi.Location);
        return module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference builder && builder.DeclaringType.FullName == command))
            // An async method builds it in its state machine, a type nested in the method's own.
            .Select(m => m.DeclaringType.DeclaringType?.FullName ?? m.DeclaringType.FullName)
            .Distinct()
            .ToList();
    }

    [Fact]
    public void The_web_layer_reads_the_token_claims_through_one_accessor()
    {
        // The claim names are constants, compiled into their users, so the IL does not name TokenClaims: the sources do.
        // Besides the accessor, only the code that writes a principal names them.
        var webApi = Path.Combine(PlatformTests.RepositoryRoot(), "src", "WebApi");
        var naming = Directory.EnumerateFiles(webApi, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(webApi, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(Path.Combine(webApi, file)).Contains("TokenClaims", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "Operations/OperationsVerb.cs", // writes the operations console's principal
                "Security/ApiKeyAuthenticationHandler.cs", // writes a partner's principal
                "Security/PrincipalClaims.cs", // the accessor
                "Security/UserAndPartnerAuthentication.cs", // tells the bearer handler which claim holds the role
            ],
            naming);
    }

    [Fact]
    public void The_hub_joins_the_audiences_of_an_actor_and_never_decides_them()
    {
        // Which groups a connection joins is LiveAudiences.Of; a hub that reads the actor's kind has a rule of its own.
        Assert.Empty(ReadersOfTheActorsKind("OrderTracking.WebApi.Hubs"));

        // The idempotency filter does read it (to scope a key), so the scan can see such a read.
        Assert.NotEmpty(ReadersOfTheActorsKind("OrderTracking.WebApi.Idempotency"));
    }

    /// <summary>What decides who sees an order: the pickup pool's rule, and an order's or a standing's merchant, status and assignees.</summary>
    private static readonly string[] WhoSeesAnOrder =
    [
        "OrderTracking.Domain.Orders.PickupPool::", "OrderTracking.Domain.Orders.Order::get_InPickupPool", "OrderTracking.Domain.Orders.Order::get_IsInPickupPool",
        .. new[] { "MerchantId", "Status", "AssignedCourierId", "AssignedPartnerId" }
            .SelectMany(member => new[] { $"OrderTracking.Domain.Orders.Order::get_{member}", $"OrderTracking.Domain.Orders.OrderStanding::get_{member}" }),
    ];

    [Fact]
    public void Who_sees_an_order_is_stated_once_and_only_read_by_the_filter_the_live_audience_and_the_hub()
    {
        // OrderAudience's rule is the one place; the query filter, the live audiences and the hub groups take it from
        // there, so none of them reads what the rule reads (in code or in an expression tree).
        Assert.Empty(ReadersOfWhoSeesAnOrder(Domain, t => t.FullName == "OrderTracking.Domain.Orders.OrderVisibility"));
        Assert.Empty(ReadersOfWhoSeesAnOrder(Application, t => t.Namespace == "OrderTracking.Application.Orders.Notifications"));
        Assert.Empty(ReadersOfWhoSeesAnOrder(WebApi, t => t.Namespace == "OrderTracking.WebApi.Hubs"));

        // The rule itself does read them, inside its expressions: the scan sees such a read.
        Assert.NotEmpty(ReadersOfWhoSeesAnOrder(Domain, t => t.FullName == "OrderTracking.Domain.Orders.OrderAudience"));
    }

    /// <summary>Methods of the matching types (and their nested and compiler-made types) that call or name a member of <see cref="WhoSeesAnOrder"/>.</summary>
    private static List<string> ReadersOfWhoSeesAnOrder(System.Reflection.Assembly assembly, Func<TypeDefinition, bool> matches)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
        return module.GetTypes()
            .Where(t => matches(Outermost(t)))
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(i => i.Operand is MemberReference member
                && WhoSeesAnOrder.Any(name => $"{member.DeclaringType?.FullName}::{member.Name}".StartsWith(name, StringComparison.Ordinal))))
            .Select(m => m.FullName)
            .ToList();
    }

    private static List<string> ReadersOfTheActorsKind(string inNamespace)
    {
        using var module = ModuleDefinition.ReadModule(WebApi.Location);
        return module.GetTypes()
            .Where(t => t.Namespace == inNamespace || t.DeclaringType?.Namespace == inNamespace)
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(i => i.Operand is MethodReference
            {
                Name: "get_Type", DeclaringType.FullName: "OrderTracking.Domain.Common.Actor",
            }))
            .Select(m => m.FullName)
            .ToList();
    }

    private static void AssertHolds(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
