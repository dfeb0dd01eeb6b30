using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using OrderTracking.WebApi.Filters;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Who may use a route is settled before its input is read: a caller who may not gets 401/403 whatever it sends.</summary>
public sealed class AuthorizationFirstTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, string> AdminRoutesWithInput() => new()
    {
        { "POST", "/api/partners", "{\"name\":5}" },
        { "POST", "/api/partners", "{\"name\":\"a\\u0000b\"}" },
        { "POST", "/api/partners", "not json" },
        { "PATCH", "/api/partners/00000000-0000-0000-0000-000000000001", "{\"isActive\":\"yes\"}" },
        { "POST", "/api/partners/00000000-0000-0000-0000-000000000001/api-keys", "[]" },
        { "POST", "/api/users", "{\"role\":\"Emperor\"}" },
        { "PATCH", "/api/users/00000000-0000-0000-0000-000000000001", "{\"role\":7}" },
        { "GET", "/api/users?role=Emperor", "" },
        { "GET", "/api/users?role=%00", "" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutesWithInput))]
    public async Task A_merchant_gets_the_same_403_on_an_admin_route_whatever_the_body(string method, string url, string body)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.SendAsync(Request(method, url, body));

        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.EndsWith("/forbidden", (await response.ProblemAsync()).Type);
    }

    [Theory]
    [MemberData(nameof(AdminRoutesWithInput))]
    public async Task An_anonymous_caller_gets_401_on_an_admin_route_whatever_the_body(string method, string url, string body)
    {
        var response = await api.CreateClient().SendAsync(Request(method, url, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(UserRole.Delivery, "GET", "/api/analytics/summary?from=not-a-date", "")]
    [InlineData(UserRole.Delivery, "POST", "/api/orders", "{\"items\": \"many\"}")]
    [InlineData(UserRole.Delivery, "POST", "/api/orders/00000000-0000-0000-0000-000000000001/assignment", "{\"courierId\": 5}")]
    public async Task A_role_the_operation_is_not_for_gets_403_before_its_input_is_read(UserRole role, string method, string url, string body)
    {
        var (client, _) = await api.SignedInAsync(role);

        var response = await client.SendAsync(Request(method, url, body));

        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_still_gets_the_400_for_the_malformed_body()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);

        var response = await admin.SendAsync(Request("POST", "/api/partners", "{\"name\":5}"));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.Equal(["name"], problem.Errors!.Keys);
        Assert.DoesNotContain("OrderTracking.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_action_that_reads_input_names_the_request_whose_roles_are_checked_before_it()
    {
        var actions = typeof(Program).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ControllerBase)) && !type.IsAbstract)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(action => action.GetCustomAttribute<AllowAnonymousAttribute>() is null && action.DeclaringType!.GetCustomAttribute<AllowAnonymousAttribute>() is null);

        var checkedOnlyAfterBinding = actions
            .Where(action => action.GetParameters().Any(ReadsInput))
            .Where(action => action.GetCustomAttributes().OfType<ISendsRequest>().FirstOrDefault()?.RequestType.GetCustomAttribute<Application.Common.Security.AuthorizeAttribute>() is null
                && !action.GetParameters().Any(p => p.ParameterType.GetCustomAttribute<Application.Common.Security.AuthorizeAttribute>() is not null))
            .Select(action => $"{action.DeclaringType!.Name}.{action.Name}");

        Assert.Empty(checkedOnlyAfterBinding);
    }

    /// <summary>A body or query value, which MVC binds (and may refuse) before the action runs; route ids and services are not.</summary>
    private static bool ReadsInput(ParameterInfo parameter) =>
        parameter.ParameterType != typeof(CancellationToken)
        && parameter.ParameterType != typeof(Guid)
        && parameter.GetCustomAttribute<FromServicesAttribute>() is null
        && parameter.GetCustomAttribute<FromHeaderAttribute>() is null
        && parameter.GetCustomAttribute<FromRouteAttribute>() is null
        && !(parameter.ParameterType == typeof(string) && parameter.Member.GetCustomAttributes<HttpMethodAttribute>().Any(http => http.Template?.Contains($"{{{parameter.Name}}}", StringComparison.Ordinal) == true));

    private static HttpRequestMessage Request(string method, string url, string body) =>
        new(new HttpMethod(method), url)
        {
            Content = method == "GET" ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
}
