using NJsonSchema;
using NJsonSchema.Visitors;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>
/// Standard formats with their natural bounds. NJsonSchema writes Guid as <c>format: guid</c>, which JSON Schema and
/// OpenAPI tooling (validators, linters, other languages' generators) does not know: <c>uuid</c> is the registered
/// format, 36 characters. An instant is at most 33 characters, a date (yyyy-MM-dd) 10. An unsigned 32-bit integer (an order's version) gets its format and range.
/// </summary>
public sealed class StandardFormatsProcessor : IDocumentProcessor
{
    private const string Uuid = "uuid";
    private const int UuidLength = 36;

    /// <summary>The longest ISO 8601 instant .NET writes: 2026-01-01T00:00:00.0000000+00:00.</summary>
    private const int DateTimeLength = 33;

    /// <summary>An ISO 8601 calendar date as .NET writes and reads a DateOnly: 2026-01-01.</summary>
    private const int DateLength = 10;

    public void Process(DocumentProcessorContext context) => new UuidFormatVisitor().Visit(context.Document);

    private sealed class UuidFormatVisitor : JsonSchemaVisitorBase
    {
        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string? typeNameHint)
        {
            if (schema.Format == JsonFormatStrings.Guid)
            {
                schema.Format = Uuid;
                schema.MaxLength = UuidLength;
            }

            if (schema.Format == JsonFormatStrings.DateTime)
            {
                schema.MaxLength = DateTimeLength;
            }

            if (schema.Format == JsonFormatStrings.Date)
            {
                schema.MaxLength = DateLength;
            }

            if (schema.Type == JsonObjectType.Integer && schema.Format is null)
            {
                schema.Format = JsonFormatStrings.Long;
                schema.Minimum = uint.MinValue;
                schema.Maximum = uint.MaxValue;
            }

            return schema;
        }
    }
}
