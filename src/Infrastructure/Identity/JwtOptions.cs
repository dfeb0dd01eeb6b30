namespace OrderTracking.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>
    /// HMAC-SHA256 key; at least 32 bytes (UTF-8), random. Startup refuses a short, published or placeholder key in
    /// every environment (<see cref="SigningKeyRules"/>); Development without one uses <see cref="DevelopmentKeyFile"/>.
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Where Development keeps the random key it makes when none is set, relative to the content root.</summary>
    public string DevelopmentKeyFile { get; set; } = DevelopmentSigningKey.DefaultPath;

    public string Issuer { get; set; } = "order-tracking";
    public string Audience { get; set; } = "order-tracking";
    public int AccessTokenMinutes { get; set; } = 15;

    public const int MinimumKeyBytes = 32;
}
