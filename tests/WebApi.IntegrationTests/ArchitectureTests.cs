using NetArchTest.Rules;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Dependencies point inward only; the compiler holds the project references, this holds the namespaces.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(OrderTracking.Domain.Orders.Order).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(OrderTracking.Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(OrderTracking.Infrastructure.DependencyInjection).Assembly;

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
    public void Domain_entities_expose_no_public_setters()
    {
        var leaky = Domain.GetTypes()
            .Where(t => t.IsClass && t.Namespace?.StartsWith("OrderTracking.Domain", StringComparison.Ordinal) == true && !t.IsAssignableTo(typeof(Exception)))
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && !p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit")).Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.Empty(leaky);
    }

    private static void AssertHolds(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
