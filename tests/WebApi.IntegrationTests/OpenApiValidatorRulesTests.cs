using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.CourierPositions.Commands.ReportCourierPosition;
using OrderTracking.Application.Orders.Queries.ListOrders;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Webhooks;
using OrderTracking.WebApi.OpenApi.Validation;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The validators' rules as the served document states them, one test per kind of rule the schema and parameter
/// processors copy (required, email and maxLength are pinned in <see cref="OpenApiDocumentTests"/>). Each reads a real
/// contract whose validator holds that rule, so a rule kind the processors stop copying fails here by name.
/// </summary>
public sealed class OpenApiValidatorRulesTests(OpenApiDocumentTests.Factory api) : IClassFixture<OpenApiDocumentTests.Factory>
{
    private async Task<JsonElement> SchemasAsync()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        return document.RootElement.GetProperty("components").GetProperty("schemas").Clone();
    }

    private static JsonElement Property(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);

    [Fact]
    public async Task Not_empty_gives_text_a_minimum_length_of_one_and_a_list_a_minimum_of_one_item()
    {
        var schemas = await SchemasAsync();

        Assert.Equal(1, Property(schemas, "CreateWebhookEndpointRequest", "url").GetProperty("minLength").GetInt32());
        Assert.Equal(1, Property(schemas, "CreateWebhookEndpointRequest", "events").GetProperty("minItems").GetInt32());
    }

    [Fact]
    public async Task A_length_rule_gives_the_minimum_length_as_well_as_the_maximum()
    {
        var schemas = await SchemasAsync();
        var currency = Property(schemas, "CreateOrderCommand", "currency");

        Assert.Equal(CurrencyCode.Length, currency.GetProperty("minLength").GetInt32());
        Assert.Equal(CurrencyCode.Length, currency.GetProperty("maxLength").GetInt32());
        Assert.Equal(PasswordRules.MinLength, Property(schemas, "CreateUserCommand", "password").GetProperty("minLength").GetInt32());
    }

    [Fact]
    public async Task An_inclusive_between_rule_becomes_minimum_and_maximum()
    {
        var schemas = await SchemasAsync();
        var quantity = Property(schemas, "OrderItemDto", "quantity");
        var unitPrice = Property(schemas, "OrderItemDto", "unitPrice");

        Assert.Equal(1m, quantity.GetProperty("minimum").GetDecimal());
        Assert.Equal((decimal)OrderItem.MaxQuantity, quantity.GetProperty("maximum").GetDecimal());
        Assert.Equal(0m, unitPrice.GetProperty("minimum").GetDecimal());
        Assert.Equal(OrderItem.MaxUnitPrice, unitPrice.GetProperty("maximum").GetDecimal());
    }

    [Fact]
    public async Task Greater_than_or_equal_and_less_than_or_equal_rules_become_minimum_and_maximum()
    {
        var schemas = await SchemasAsync();
        var accuracy = Property(schemas, "CourierPositionRequest", "accuracy");

        Assert.Equal(0m, accuracy.GetProperty("minimum").GetDecimal());
        Assert.Equal((decimal)ReportCourierPositionCommandValidator.MaxAccuracyMeters, accuracy.GetProperty("maximum").GetDecimal());
    }

    [Fact]
    public async Task A_max_items_rule_caps_the_list()
    {
        var schemas = await SchemasAsync();

        Assert.Equal(WebhookEventTypes.All.Count, Property(schemas, "CreateWebhookEndpointRequest", "events").GetProperty("maxItems").GetInt32());
        Assert.Equal(OrderItem.MaxItemsPerOrder, Property(schemas, "CreateOrderCommand", "items").GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public async Task A_rule_for_each_item_bounds_every_item_of_the_list()
    {
        var schemas = await SchemasAsync();
        var eventName = Property(schemas, "CreateWebhookEndpointRequest", "events").GetProperty("items");

        Assert.Equal(1, eventName.GetProperty("minLength").GetInt32());
        Assert.Equal(WebhookEventTypes.MaxLength, eventName.GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task A_rule_under_When_still_bounds_the_value_but_makes_nothing_required_or_non_empty()
    {
        var schemas = await SchemasAsync();
        var url = Property(schemas, "UpdateWebhookEndpointRequest", "url");
        var events = Property(schemas, "UpdateWebhookEndpointRequest", "events");
        var contactEmail = Property(schemas, "SaveMerchantProfileRequest", "contactEmail");

        // NotEmpty().MaximumLength(...).When(c => c.Url is not null): the length stays, the rest goes.
        Assert.False(schemas.GetProperty("UpdateWebhookEndpointRequest").TryGetProperty("required", out _));
        Assert.Equal(WebhookUrl.MaxLength, url.GetProperty("maxLength").GetInt32());
        Assert.False(url.TryGetProperty("minLength", out _));
        Assert.True(url.GetProperty("nullable").GetBoolean());
        Assert.Equal(WebhookEventTypes.All.Count, events.GetProperty("maxItems").GetInt32());
        Assert.False(events.TryGetProperty("minItems", out _));

        // An email rule under When still states the format; the field stays optional.
        Assert.Equal("email", contactEmail.GetProperty("format").GetString());
        Assert.DoesNotContain("contactEmail", schemas.GetProperty("SaveMerchantProfileRequest").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_query_parameter_takes_the_rules_of_the_request_its_action_sends()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var limit = document.RootElement.GetProperty("paths").GetProperty("/api/orders").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "limit").GetProperty("schema");

        Assert.Equal(1m, limit.GetProperty("minimum").GetDecimal());
        Assert.Equal((decimal)ListOrdersQuery.MaxLimit, limit.GetProperty("maximum").GetDecimal());
    }

    [Fact]
    public async Task A_query_contract_takes_the_rules_of_the_member_of_the_request_its_parameter_is_named_for()
    {
        // GET /api/orders binds OrderFilterParameters as "filter" and sends ListOrdersQuery, whose Filter is an OrderFilter.
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var search = document.RootElement.GetProperty("paths").GetProperty("/api/orders").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "search").GetProperty("schema");

        Assert.Equal(200, search.GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task A_contract_two_actions_send_as_different_requests_takes_the_rules_of_both()
    {
        // Adding and updating a pickup location bind the same PickupLocationRequest; its one schema carries their rules.
        var schemas = await SchemasAsync();

        Assert.Equal(PickupLocation.MaxLabelLength, Property(schemas, "PickupLocationRequest", "label").GetProperty("maxLength").GetInt32());
        Assert.Contains("label", schemas.GetProperty("PickupLocationRequest").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, Senders().Where(s => s.Contract.Name == "PickupLocationRequest").Select(s => s.Request).Distinct().Count());
    }

    [Fact]
    public void Every_body_an_action_sends_as_a_validated_request_is_described_by_that_requests_rules()
    {
        // The contract carries no rule of its own: the action's [Sends<T>] names the validator, and the contract's
        // fields must be named as the request's, or the document would say nothing of what the request checks.
        using var scope = api.Services.CreateScope();
        var sentRequests = api.Services.GetRequiredService<SentRequests>();
        var validated = Senders()
            .Select(s => (s.Action, s.Contract, s.Request, Validator: scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(s.Request)) as IValidator))
            .Where(s => s.Validator is not null && s.Contract != s.Request)
            .ToList();

        var undescribed = validated
            .Where(s => !sentRequests.DescribingBody(s.Contract).Contains(s.Request)
                || !s.Contract.GetProperties().Any(p => s.Validator!.CreateDescriptor().GetRulesForMember(p.Name).Any()))
            .Select(s => $"{s.Action}: {s.Contract.Name} as {s.Request.Name}")
            .ToList();

        Assert.Empty(undescribed);
        Assert.Contains(validated, s => s.Contract.Name == "ChangeOrderStatusRequest");
    }

    /// <summary>Each body an action binds, with the request its [Sends&lt;T&gt;] names.</summary>
    private List<(string Action, Type Contract, Type Request)> Senders() =>
        api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .SelectMany(action => SentRequests.SentBy(action) is { } request
                ? action.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => (action.RelativePath ?? string.Empty, p.Type, request))
                : [])
            .ToList();
}
