namespace OrderTracking.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HMAC-SHA256 key; at least 32 bytes (UTF-8). Startup refuses a shorter one outside Development.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "order-tracking";
    public string Audience { get; set; } = "order-tracking";
    public int AccessTokenMinutes { get; set; } = 15;

    public const int MinimumKeyBytes = 32;
}
