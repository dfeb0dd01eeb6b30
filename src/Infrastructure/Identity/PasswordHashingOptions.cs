namespace OrderTracking.Infrastructure.Identity;

/// <summary>The <c>PasswordHashing</c> configuration section.</summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    /// <summary>bcrypt cost: each step doubles the work. 12 takes about a quarter of a second here.</summary>
    public int WorkFactor { get; set; } = 12;
}
