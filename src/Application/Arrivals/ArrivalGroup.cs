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

    /// <summary>
    /// How much of a postal code makes an area: the part before a space (the UK's outward code, "SW1A 1AA" → SW1A,
    /// "N1 9GU" → N1), at most <see cref="OutwardLength"/> characters; without a space its first <see cref="AreaLength"/>
    /// letters and digits ("10115" → 101, "75008" → 750).
    /// </summary>
    public const int AreaLength = 3;

    /// <inheritdoc cref="AreaLength"/>
    public const int OutwardLength = 4;

    /// <summary>Finest first: the order in which the estimate falls back.</summary>
    public static IReadOnlyList<ArrivalGroup> FallbackChain(string area, int hourOfWeek) =>
    [
        new(area, hourOfWeek),
        new(area, AnyHour),
        new(AnyArea, hourOfWeek),
        new(AnyArea, AnyHour),
    ];

    /// <summary>
    /// The delivery area of a postal code (see <see cref="AreaLength"/>), upper case. The SQL of the rebuild computes the
    /// same (<see cref="AreaSql"/>).
    /// </summary>
    public static string AreaOf(string postalCode)
    {
        var trimmed = postalCode.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var letters = space > 0
            ? trimmed[..space].Where(char.IsAsciiLetterOrDigit).Take(OutwardLength)
            : trimmed.Where(char.IsAsciiLetterOrDigit).Take(AreaLength);
        return new string([.. letters]).ToUpperInvariant();
    }

    /// <summary><see cref="AreaOf"/> in PostgreSQL, over a column or expression named <c>{0}</c>.</summary>
    public const string AreaSql =
        "upper(CASE WHEN strpos(btrim({0}), ' ') > 1 " +
        "THEN left(regexp_replace(split_part(btrim({0}), ' ', 1), '[^A-Za-z0-9]', '', 'g'), 4) " +
        "ELSE left(regexp_replace({0}, '[^A-Za-z0-9]', '', 'g'), 3) END)";

    /// <summary>0 for Monday 00:00–00:59 UTC up to 167 for Sunday 23:00–23:59 UTC.</summary>
    public static int HourOfWeekOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return ((int)utc.DayOfWeek + 6) % 7 * 24 + utc.Hour;
    }
}
