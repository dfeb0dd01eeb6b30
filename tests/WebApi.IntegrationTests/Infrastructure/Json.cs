using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
