namespace OrderTracking.WebApi.Serialization;

/// <summary>Turns a C# property path such as <c>Items[0].UnitPrice</c> into the JSON one, <c>items[0].unitPrice</c>.</summary>
public static class JsonPath
{
    public static string CamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
