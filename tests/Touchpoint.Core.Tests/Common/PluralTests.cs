using System.Globalization;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Tests.Common;

public sealed class PluralTests
{
    [Theory]
    [InlineData(1, PluralForm.One)]
    [InlineData(21, PluralForm.One)]
    [InlineData(101, PluralForm.One)]
    [InlineData(2, PluralForm.Few)]
    [InlineData(4, PluralForm.Few)]
    [InlineData(23, PluralForm.Few)]
    [InlineData(104, PluralForm.Few)]
    [InlineData(0, PluralForm.Many)]
    [InlineData(5, PluralForm.Many)]
    [InlineData(11, PluralForm.Many)]
    [InlineData(12, PluralForm.Many)]
    [InlineData(14, PluralForm.Many)]
    [InlineData(111, PluralForm.Many)]
    [InlineData(112, PluralForm.Many)]
    [InlineData(25, PluralForm.Many)]
    public void Russian_has_three_forms(long count, PluralForm form) =>
        Assert.Equal(form, Plural.Of(count, CultureInfo.GetCultureInfo("ru")));

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("sv")]
    public void English_Dutch_and_Swedish_have_one_and_other(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        Assert.Equal(PluralForm.One, Plural.Of(1, culture));
        Assert.Equal(PluralForm.Many, Plural.Of(21, culture));
        Assert.Equal(PluralForm.Many, Plural.Of(2, culture));
        Assert.Equal(PluralForm.Many, Plural.Of(0, culture));
        Assert.Equal("EntriesCanceled_One", Plural.Key("EntriesCanceled", 1, culture));
    }
}
