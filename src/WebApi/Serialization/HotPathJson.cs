using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Orders.Queries.ListOrders;
using OrderTracking.Application.Tracking.Queries.GetTracking;

namespace OrderTracking.WebApi.Serialization;

/// <summary>
/// Compile-time JSON metadata for what the busiest routes answer (an order, a page of orders, the public tracking view)
/// and for problem details, first in the API's resolver chain: no reflection to build their contracts at the first
/// request of each type. The API's own options (camelCase, enum names, the text converter) still apply; other types
/// fall through to the reflection resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(TrackingDto))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(ValidationProblemDetails))]
public sealed partial class HotPathJson : JsonSerializerContext;
