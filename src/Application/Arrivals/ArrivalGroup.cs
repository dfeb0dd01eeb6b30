namespace OrderTracking.Application.Arrivals;

/// <summary>
/// The groups a leg's duration is counted in: by delivery area and hour of the week, by area alone, by hour alone and
/// over all the merchant's orders. <see cref="AnyArea"/> and <see cref="AnyHour"/> stand for "all of them". The
/// estimate uses the finest group holding enough observations, so a new area or a quiet hour falls back to coarser ones.
/// </summary>
public readonly record struct ArrivalGroup(string Area, int HourOfWeek)
{
    public const string AnyArea = "";
    public const int AnyHour = -1;

    /// <summary>How many characters of the postal code make an area: "SW1A 1AA" → SW1, "10115" → 101, "75008" → 750.</summary>
    public const int AreaLength = 3;

    /// <summary>Finest first: the order in which the estimate falls back.</summary>
    public static IReadOnlyList<ArrivalGroup> FallbackChain(string area, int hourOfWeek) =>
    [
        new(area, hourOfWeek),
        new(area, AnyHour),
        new(AnyArea, hourOfWeek),
        new(AnyArea, AnyHour),
    ];

    /// <summary>
    /// The delivery area of a postal code: its first <see cref="AreaLength"/> letters and digits, upper case (the SQL
    /// of the rebuild computes the same: <c>upper(left(regexp_replace(code, '[^A-Za-z0-9]', '', 'g'), 3))</c>).
    /// </summary>
    public static string AreaOf(string postalCode)
    {
        var letters = postalCode.Where(char.IsAsciiLetterOrDigit).Take(AreaLength).ToArray();
        return new string(letters).ToUpperInvariant();
    }

    /// <summary>0 for Monday 00:00–00:59 UTC up to 167 for Sunday 23:00–23:59 UTC.</summary>
    public static int HourOfWeekOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return ((int)utc.DayOfWeek + 6) % 7 * 24 + utc.Hour;
    }
}
