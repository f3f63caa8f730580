using Touchpoint.Core.Common;

namespace Touchpoint.Core.Tests.Common;

public sealed class CursorTests
{
    [Fact]
    public void A_cursor_round_trips_its_keys()
    {
        var cursor = Cursor.Encode("ÅSA ÖBERG", "CT000001");
        Assert.Equal(["ÅSA ÖBERG", "CT000001"], Cursor.Decode(cursor, 2)!);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("eyJ4Ijox")]
    public void A_cursor_that_does_not_decode_is_an_error_at_the_cursor_field(string cursor)
    {
        var e = Assert.Throws<DomainException>(() => Cursor.Decode(cursor, 2));
        Assert.True(e.Errors.ContainsKey("cursor"));
    }

    [Fact]
    public void A_cursor_with_another_number_of_keys_is_refused() =>
        Assert.Throws<DomainException>(() => Cursor.Decode(Cursor.Encode("A"), 2));

    [Theory]
    [InlineData(null, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    public void Limits_default_to_50_and_allow_up_to_1000(int? limit, int expected) => Assert.Equal(expected, Cursor.Limit(limit));

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-5)]
    public void Limits_outside_1_to_1000_are_refused(int limit) =>
        Assert.True(Assert.Throws<DomainException>(() => Cursor.Limit(limit)).Errors.ContainsKey("limit"));

    [Fact]
    public void Paged_takes_one_row_more_than_the_limit_to_know_there_is_a_next_page()
    {
        var page = Paged.Of([1, 2, 3], 2, i => [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal([1, 2], page.Value);
        Assert.Equal(["2"], Cursor.Decode(page.NextCursor, 1)!);
        Assert.Null(Paged.Of([1, 2], 2, i => [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).NextCursor);
    }
}
