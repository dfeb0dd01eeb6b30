namespace OrderTracking.Domain.Common;

/// <summary>
/// How amounts are stored: <c>numeric(18,2)</c>, so the largest amount the database can hold is just under
/// 10^16. Every upper bound on a price or a total stays below <see cref="LargestStorable"/>.
/// </summary>
public static class Money
{
    public const int Precision = 18;
    public const int Scale = 2;
    public const decimal LargestStorable = 9_999_999_999_999_999.99m;
}
