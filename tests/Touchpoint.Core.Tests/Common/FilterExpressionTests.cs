using System.Globalization;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Tests.Common;

public sealed class FilterExpressionTests
{
    private static FilterExpression Parse(string text, FilterFieldType type = FilterFieldType.Code) =>
        FilterExpression.Parse(text, type, "city")!;

    private static IEnumerable<FilterCondition> Conditions(string text, FilterFieldType type = FilterFieldType.Code) =>
        Parse(text, type).Alternatives.SelectMany(a => a);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_filter_is_no_filter(string? text) => Assert.Null(FilterExpression.Parse(text, FilterFieldType.Code, "city"));

    [Fact]
    public void A_plain_value_is_an_exact_match_trimmed_and_upper_cased()
    {
        var only = Assert.Single(Conditions("  dk "));
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "DK"), only);
    }

    [Fact]
    public void A_bar_separates_alternatives_and_an_ampersand_joins_conditions()
    {
        var filter = Parse("Posterenk|kramlöv", FilterFieldType.Text);
        Assert.Equal([["POSTERENK"], ["KRAMLÖV"]], filter.Alternatives.Select(a => a.Select(c => (string)c.Value!).ToArray()));
        var both = Assert.Single(Parse(">=A&<>B").Alternatives);
        Assert.Equal([FilterOperator.GreaterOrEqual, FilterOperator.NotEqual], both.Select(c => c.Operator));
    }

    [Fact]
    public void Ranges_are_closed_or_open_on_either_side()
    {
        Assert.Equal(new FilterCondition(FilterOperator.Between, 1000m, 2000m), Assert.Single(Conditions("1000..2000", FilterFieldType.Number)));
        Assert.Equal(new FilterCondition(FilterOperator.LessOrEqual, new DateOnly(2026, 6, 30)), Assert.Single(Conditions("..2026-06-30", FilterFieldType.Date)));
        Assert.Equal(new FilterCondition(FilterOperator.GreaterOrEqual, "M"), Assert.Single(Conditions("m..")));
        Assert.Equal(new FilterCondition(FilterOperator.Between, 1.5m, 2.25m), Assert.Single(Conditions("1.5..2.25", FilterFieldType.Number)));
    }

    [Theory]
    [InlineData("<>DK", FilterOperator.NotEqual, "DK")]
    [InlineData("<100", FilterOperator.Less, "100")]
    [InlineData("<=100", FilterOperator.LessOrEqual, "100")]
    [InlineData(">100", FilterOperator.Greater, "100")]
    [InlineData(">= 100", FilterOperator.GreaterOrEqual, "100")]
    [InlineData("=dk", FilterOperator.Equal, "DK")]
    [InlineData("@dk", FilterOperator.Equal, "DK")]
    public void Comparison_operators_take_the_value_after_them(string text, FilterOperator op, string value) =>
        Assert.Equal(new FilterCondition(op, value), Assert.Single(Conditions(text)));

    [Fact]
    public void Wildcards_become_a_like_pattern_with_the_like_characters_escaped()
    {
        Assert.Equal(new FilterCondition(FilterOperator.Like, "%SON"), Assert.Single(Conditions("*son", FilterFieldType.Text)));
        Assert.Equal(new FilterCondition(FilterOperator.Like, "KR_ML%"), Assert.Single(Conditions("Kr?ml*", FilterFieldType.Text)));
        Assert.Equal(new FilterCondition(FilterOperator.Like, "50\\%\\_%"), Assert.Single(Conditions("50%_*")));
        Assert.Equal(new FilterCondition(FilterOperator.NotLike, "A%"), Assert.Single(Conditions("<>A*")));
    }

    [Fact]
    public void Two_quotes_mean_blank_and_a_quoted_value_is_taken_as_written()
    {
        Assert.Equal(new FilterCondition(FilterOperator.Equal, null), Assert.Single(Conditions("''")));
        Assert.Equal(new FilterCondition(FilterOperator.NotEqual, null), Assert.Single(Conditions("<>''")));
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "A|B*"), Assert.Single(Conditions("'a|b*'")));
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "IT'S"), Assert.Single(Conditions("'it''s'")));
        Assert.Equal(new FilterCondition(FilterOperator.Equal, "O'BRIEN"), Assert.Single(Conditions("O'Brien", FilterFieldType.Text)));
        Assert.Equal(new FilterCondition(FilterOperator.Between, "A..B", "C"), Assert.Single(Conditions("'a..b'..c")));
    }

    [Fact]
    public void A_blank_field_meets_the_conditions_a_blank_value_would_meet_in_bc()
    {
        Assert.True(Assert.Single(Conditions("<>DK")).MatchesBlank);
        Assert.True(Assert.Single(Conditions("..M")).MatchesBlank);
        Assert.True(Assert.Single(Conditions("*")).MatchesBlank);
        Assert.False(Assert.Single(Conditions("DK")).MatchesBlank);
        Assert.False(Assert.Single(Conditions("A..M")).MatchesBlank);
        Assert.False(Assert.Single(Conditions("A*")).MatchesBlank);
    }

    [Fact]
    public void Dates_are_read_as_iso_and_in_the_users_format()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
            Assert.Equal(new FilterCondition(FilterOperator.Between, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)),
                Assert.Single(Conditions("01.01.2026..2026-06-30", FilterFieldType.Date)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("A||B")]
    [InlineData("|A")]
    [InlineData("A&")]
    [InlineData("..")]
    [InlineData("1..2..3")]
    [InlineData(">1..5")]
    [InlineData("<>")]
    [InlineData("<''")]
    [InlineData(">=A*")]
    [InlineData("A*..B")]
    [InlineData("'open")]
    [InlineData("'a'b")]
    public void A_malformed_filter_is_refused_at_its_field(string text)
    {
        var e = Assert.Throws<DomainException>(() => FilterExpression.Parse(text, FilterFieldType.Code, "filter.city"));
        Assert.Equal(DomainErrorKind.Invalid, e.Kind);
        Assert.Contains("valid filter", Assert.Single(e.Errors["filter.city"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", FilterFieldType.Number, "not a number")]
    [InlineData("1*", FilterFieldType.Number, "not a number")]
    [InlineData("2026-02-30", FilterFieldType.Date, "not a date")]
    [InlineData("..tomorrow", FilterFieldType.Date, "not a date")]
    public void A_value_that_is_not_of_the_fields_type_is_refused(string text, FilterFieldType type, string message)
    {
        var e = Assert.Throws<DomainException>(() => FilterExpression.Parse(text, type, "date"));
        Assert.Contains(message, Assert.Single(e.Errors["date"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_is_bounded_in_length_and_in_conditions()
    {
        Assert.NotNull(FilterExpression.Parse(new string('A', FilterExpression.MaxLength), FilterFieldType.Code, "city"));
        var tooLong = Assert.Throws<DomainException>(() => FilterExpression.Parse(new string('A', FilterExpression.MaxLength + 1), FilterFieldType.Code, "city"));
        Assert.Contains("250", tooLong.Errors["city"][0], StringComparison.Ordinal);
        Assert.Equal(50, Parse(string.Join('|', Enumerable.Range(1, 50))).Alternatives.Count);
        var tooMany = Assert.Throws<DomainException>(() => FilterExpression.Parse(string.Join('|', Enumerable.Range(1, 51)), FilterFieldType.Code, "city"));
        Assert.Contains("50", tooMany.Errors["city"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void As_sql_every_value_is_a_parameter_and_text_is_compared_upper_cased()
    {
        var values = new List<object>();
        var sql = Parse("Posterenk|<>''|*son&<M", FilterFieldType.Text).ToSql("c.\"City\"", v =>
        {
            values.Add(v);
            return "{" + (values.Count - 1) + "}";
        });
        Assert.Equal("""(((UPPER(c."City") = {0})) OR ((c."City" IS NOT NULL AND c."City" <> '')) OR ((UPPER(c."City") LIKE {1} ESCAPE '\') AND (c."City" IS NULL OR UPPER(c."City") < {2})))""", sql);
        Assert.Equal(["POSTERENK", "%SON", "M"], values);
    }

    [Fact]
    public void As_a_predicate_it_filters_objects_as_the_database_would()
    {
        // A blank city as "": in memory, upper-casing NULL would throw where SQL's UPPER(NULL) is NULL.
        var cities = new[] { new Row("Posterenk"), new Row("Kramlöv"), new Row("Lund"), new Row(""), new Row("Ystad") };
        string[] Match(string text, FilterFieldType type = FilterFieldType.Text) =>
            cities.AsQueryable().Where(Parse(text, type).ToPredicate<Row, string>(r => r.City)).Select(r => r.City).ToArray();

        Assert.Equal(["Posterenk", "Kramlöv"], Match("posterenk|KRAMLÖV"));
        Assert.Equal(["Kramlöv", "Lund"], Match("k..m"));
        Assert.Equal(["Posterenk", "Kramlöv", ""], Match("<>lund&<>ystad"));
        Assert.Equal([""], Match("''"));
        Assert.Equal(["Posterenk", "Kramlöv", "Lund", "Ystad"], Match("<>''"));
    }

    private sealed record Row(string City);
}
