using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.UnitTests;

public sealed class TrackingCodeTests
{
    [Fact]
    public void Codes_are_unique_over_100_000_draws_and_well_formed()
    {
        var codes = Enumerable.Range(0, 100_000).Select(_ => TrackingCode.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes.Take(1000), code => Assert.Matches("^OT-[0-9A-HJKMNP-TV-Z]{10}$", code));
        Assert.All(codes.Take(1000), code => Assert.True(TrackingCode.IsWellFormed(code)));
    }

    [Fact]
    public void Every_character_of_the_alphabet_appears_so_the_draw_is_not_skewed_to_a_subset()
    {
        var seen = string.Concat(Enumerable.Range(0, 2000).Select(_ => TrackingCode.New()[3..])).Distinct().Count();

        Assert.Equal(32, seen);
    }

    [Theory]
    [InlineData("OT-7F3K9Q2M4X", true)]
    [InlineData("OT-7F3K9Q2M4", false)]
    [InlineData("ot-7F3K9Q2M4X", false)]
    [InlineData("OT-7F3K9Q2M4I", false)]
    [InlineData(null, false)]
    public void Well_formedness(string? code, bool expected) => Assert.Equal(expected, TrackingCode.IsWellFormed(code));

    [Theory]
    [InlineData("7F3K", "OT-7F3K")]
    [InlineData(" ot-7f3k9 ", "OT-7F3K9")]
    [InlineData("OT-7F3K9Q2M4X", "OT-7F3K9Q2M4X")]
    [InlineData("OT-7F3", null)]
    [InlineData("7F3", null)]
    [InlineData("Berlin", null)]
    [InlineData("7F3K%", null)]
    [InlineData("OT-7F3K9Q2M4X0", null)]
    public void A_search_term_is_read_as_the_start_of_a_code_from_four_random_characters(string term, string? prefix) =>
        Assert.Equal(prefix, TrackingCode.SearchPrefix(term));
}
