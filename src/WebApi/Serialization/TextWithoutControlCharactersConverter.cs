using System.Text.Json;
using System.Text.Json.Serialization;
using OrderTracking.Domain.Common;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.Serialization;

/// <summary>
/// Reads every JSON string of every request body and refuses one that holds a control character other than tab,
/// CR and LF (see <see cref="Text.HasControlCharacters"/>). One converter covers every text field of every
/// operation, present and future, so none can carry a NUL to the database; the refusal is a 400 keyed by the
/// field's JSON path (<see cref="ModelStateProblems"/>).
/// </summary>
public sealed class TextWithoutControlCharactersConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && Text.HasControlCharacters(value) ? throw new ControlCharactersException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string with a refused control character; its message is safe to show the client.</summary>
public sealed class ControlCharactersException() : JsonException(Text.ControlCharactersMessage);
