using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Tests.NoSeries;

public sealed class NoSeriesTests
{
    [Fact]
    public void Numbers_are_the_prefix_and_the_zero_padded_counter() =>
        Assert.Equal("CT000042", new NoSeriesLine("CONTACT", "Contacts", "CT", 6).Format(42));

    [Fact]
    public void A_prefix_is_upper_cased_and_must_leave_room_for_the_digits()
    {
        var series = new NoSeriesLine("CONTACT", "Contacts", "CT", 6);
        series.Change("kt-", 5, new FieldErrors());
        Assert.Equal("KT-00007", series.Format(7));
        Assert.True(Assert.Throws<DomainException>(() => series.Change("ABCDEFGHIJ", 11, new FieldErrors())).Errors.ContainsKey("width"));
    }

    [Theory]
    [InlineData(" abc ", "ABC")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Codes_are_trimmed_and_upper_cased(string? input, string? expected) => Assert.Equal(expected, Codes.Normalize(input));
}
