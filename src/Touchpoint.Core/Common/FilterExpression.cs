using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Core.Common;

/// <summary>What a filtered field holds, which decides how its values are read and compared.</summary>
public enum FilterFieldType
{
    /// <summary>A BC Code field: stored upper-cased, so the values are upper-cased and compared as they are.</summary>
    Code,
    /// <summary>A text field: compared case-insensitively (both sides upper-cased).</summary>
    Text,
    Number,
    Date,
}

public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    /// <summary>From <see cref="FilterCondition.Value"/> to <see cref="FilterCondition.To"/>, both included.</summary>
    Between,
    /// <summary>A LIKE pattern (<c>*</c> became <c>%</c>, <c>?</c> became <c>_</c>, escaped with <c>\</c>).</summary>
    Like,
    NotLike,
}

/// <summary>
/// One condition of a filter. <see cref="Value"/> is a string (upper-cased for code and text fields), a decimal or a
/// DateOnly; null stands for blank (<c>''</c>).
/// </summary>
public sealed record FilterCondition(FilterOperator Operator, object? Value, object? To = null)
{
    /// <summary>
    /// Whether a blank field meets the condition, as in BC where a blank value sorts before every other: a blank
    /// stored as NULL must then be let in explicitly.
    /// </summary>
    public bool MatchesBlank => Operator switch
    {
        FilterOperator.Equal => Value is null,
        FilterOperator.NotEqual => Value is not null,
        FilterOperator.Less or FilterOperator.LessOrEqual => true,
        FilterOperator.Like => ((string)Value!).All(c => c == '%'),
        FilterOperator.NotLike => !((string)Value!).All(c => c == '%'),
        _ => false,
    };
}

/// <summary>
/// A BC filter expression as a user types it in a list filter or a segment criterion: <c>A|B</c> (either),
/// <c>A&amp;B</c> (both), <c>1000..2000</c>, <c>..2026-06-30</c>, <c>A..</c> (ranges, ends included), <c>*son</c>,
/// <c>Kr?mlöv</c> (wildcards), <c>&lt;&gt;DK</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>''</c> (blank),
/// <c>'A|B'</c> (quoted: taken as written). Case never matters (BC's <c>@</c> is accepted and changes nothing). A
/// plain value means what it always meant: equal to it. Bounded in length and in conditions, since each becomes SQL.
/// </summary>
public sealed class FilterExpression
{
    public const int MaxLength = 250;
    public const int MaxConditions = 50;

    private FilterExpression(FilterFieldType type, IReadOnlyList<IReadOnlyList<FilterCondition>> alternatives)
    {
        Type = type;
        Alternatives = alternatives;
    }

    public FilterFieldType Type { get; }

    /// <summary>Any of these (<c>|</c>), each one all of its conditions (<c>&amp;</c>).</summary>
    public IReadOnlyList<IReadOnlyList<FilterCondition>> Alternatives { get; }

    /// <summary>
    /// The expression <paramref name="text"/> for a field of type <paramref name="type"/>; null when blank (no filter).
    /// A malformed one is a <see cref="DomainException"/> at <paramref name="field"/>.
    /// </summary>
    public static FilterExpression? Parse(string? text, FilterFieldType type, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > MaxLength)
        {
            throw DomainException.Invalid(field, Messages.Get("FilterTooLong", MaxLength));
        }
        var groups = Split(text, field);
        if (groups.Sum(g => g.Count) > MaxConditions)
        {
            throw DomainException.Invalid(field, Messages.Get("FilterTooManyConditions", MaxConditions));
        }
        return new FilterExpression(type, groups.Select(g => (IReadOnlyList<FilterCondition>)g.Select(p => Condition(p, type, field)).ToList()).ToList());
    }

    /// <summary>The parts between <c>|</c> and <c>&amp;</c>, outside quotes; a quote opens only where a value starts (O'Brien is a name).</summary>
    private static List<List<string>> Split(string text, string field)
    {
        var groups = new List<List<string>> { new() };
        var part = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                part.Append(c);
                if (c == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        part.Append('\'');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '\'' when AtValueStart(part):
                    quoted = true;
                    part.Append(c);
                    break;
                case '|':
                    End();
                    groups.Add([]);
                    break;
                case '&':
                    End();
                    break;
                default:
                    part.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw Malformed(field, text);
        }
        End();
        return groups;

        void End()
        {
            var value = part.ToString().Trim();
            if (value.Length == 0)
            {
                throw Malformed(field, text);
            }
            groups[^1].Add(value);
            part.Clear();
        }
    }

    private static bool AtValueStart(StringBuilder part)
    {
        var s = part.ToString().TrimEnd();
        return s.Length == 0 || s[^1] is '<' or '>' or '=' or '@' || s.EndsWith("..", StringComparison.Ordinal);
    }

    private static readonly (string Text, FilterOperator Operator)[] Operators =
    [
        ("<>", FilterOperator.NotEqual), ("<=", FilterOperator.LessOrEqual), (">=", FilterOperator.GreaterOrEqual),
        ("<", FilterOperator.Less), (">", FilterOperator.Greater), ("=", FilterOperator.Equal),
    ];

    private static FilterCondition Condition(string part, FilterFieldType type, string field)
    {
        var s = part.TrimStart('@').Trim();
        if (Operators.FirstOrDefault(o => s.StartsWith(o.Text, StringComparison.Ordinal)) is ({ } text, var op))
        {
            var rest = s[text.Length..].Trim();
            var (value, wildcard) = Value(rest, type, field, part);
            return (op, value, wildcard) switch
            {
                (FilterOperator.Equal, _, true) => new FilterCondition(FilterOperator.Like, value),
                (FilterOperator.NotEqual, _, true) => new FilterCondition(FilterOperator.NotLike, value),
                (_, _, true) => throw Malformed(field, part),
                (FilterOperator.Equal or FilterOperator.NotEqual, _, _) => new FilterCondition(op, value),
                (_, null, _) => throw Malformed(field, part),
                _ => new FilterCondition(op, value),
            };
        }
        if (RangeAt(s) is { } dots)
        {
            var (from, fromWildcard) = Value(s[..dots].Trim(), type, field, part, emptyIsBlank: false);
            var (to, toWildcard) = Value(s[(dots + 2)..].Trim(), type, field, part, emptyIsBlank: false);
            return (from, to) switch
            {
                _ when fromWildcard || toWildcard => throw Malformed(field, part),
                (null, null) => throw Malformed(field, part),
                (null, _) => new FilterCondition(FilterOperator.LessOrEqual, to),
                (_, null) => new FilterCondition(FilterOperator.GreaterOrEqual, from),
                _ => new FilterCondition(FilterOperator.Between, from, to),
            };
        }
        var (single, like) = Value(s, type, field, part);
        return new FilterCondition(like ? FilterOperator.Like : FilterOperator.Equal, single);
    }

    /// <summary>Where the <c>..</c> of a range is, past a quoted first value; null when there is none.</summary>
    private static int? RangeAt(string s)
    {
        var start = 0;
        if (s.StartsWith('\''))
        {
            // Past the closing quote; a doubled quote inside is one quote.
            start = 1;
            while (start < s.Length)
            {
                if (s[start] == '\'' && (start + 1 >= s.Length || s[start + 1] != '\''))
                {
                    break;
                }
                start += s[start] == '\'' ? 2 : 1;
            }
        }
        var at = s.IndexOf("..", Math.Min(start, s.Length), StringComparison.Ordinal);
        return at < 0 ? null : at;
    }

    /// <summary>
    /// One value read for the field's type, and whether it holds wildcards (then it is a LIKE pattern). Null is blank:
    /// <c>''</c>, or an empty end of a range (<paramref name="emptyIsBlank"/> false).
    /// </summary>
    private static (object? Value, bool Wildcard) Value(string raw, FilterFieldType type, string field, string part, bool emptyIsBlank = true)
    {
        if (raw.Length == 0)
        {
            return emptyIsBlank ? throw Malformed(field, part) : (null, false);
        }
        string text;
        var wildcard = false;
        if (raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'')
        {
            text = raw[1..^1].Replace("''", "'", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return emptyIsBlank ? (null, false) : throw Malformed(field, part);
            }
        }
        else
        {
            // A second range, a range after an operator, or a quote left open.
            if (raw.Contains("..", StringComparison.Ordinal) || raw[0] == '\'')
            {
                throw Malformed(field, part);
            }
            text = raw;
            wildcard = raw.Contains('*', StringComparison.Ordinal) || raw.Contains('?', StringComparison.Ordinal);
        }
        return type switch
        {
            FilterFieldType.Number => wildcard || !TryNumber(text, out var number)
                ? throw DomainException.Invalid(field, Messages.Get("FilterNotANumber", text))
                : (number, false),
            FilterFieldType.Date => wildcard || !TryDate(text, out var date)
                ? throw DomainException.Invalid(field, Messages.Get("FilterNotADate", text))
                : (date, false),
            _ => (wildcard ? Pattern(text.ToUpperInvariant()) : text.ToUpperInvariant(), wildcard),
        };
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        || decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out value);

    private static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        || DateOnly.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out value);

    /// <summary>BC's wildcards as a LIKE pattern: <c>*</c> any run, <c>?</c> one character; LIKE's own characters escaped.</summary>
    private static string Pattern(string text)
    {
        var pattern = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            pattern.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        }
        return pattern.ToString();
    }

    private static DomainException Malformed(string field, string part) =>
        DomainException.Invalid(field, Messages.Get("FilterMalformed", part));

    /// <summary>
    /// The filter as SQL over <paramref name="column"/> (already quoted and aliased); each value goes through
    /// <paramref name="parameter"/>, which answers its placeholder, never into the text.
    /// </summary>
    public string ToSql(string column, Func<object, string> parameter)
    {
        var target = Type == FilterFieldType.Text ? $"UPPER({column})" : column;
        var isString = Type is FilterFieldType.Code or FilterFieldType.Text;
        var alternatives = Alternatives.Select(g => "(" + string.Join(" AND ", g.Select(Sql)) + ")");
        return "(" + string.Join(" OR ", alternatives) + ")";

        string Sql(FilterCondition c)
        {
            if (c.Value is null)
            {
                return (c.Operator, isString) switch
                {
                    (FilterOperator.Equal, true) => $"({column} IS NULL OR {column} = '')",
                    (FilterOperator.Equal, false) => $"{column} IS NULL",
                    (_, true) => $"({column} IS NOT NULL AND {column} <> '')",
                    _ => $"{column} IS NOT NULL",
                };
            }
            var value = parameter(c.Value);
            var sql = c.Operator switch
            {
                FilterOperator.Equal => $"{target} = {value}",
                FilterOperator.NotEqual => $"{target} <> {value}",
                FilterOperator.Less => $"{target} < {value}",
                FilterOperator.LessOrEqual => $"{target} <= {value}",
                FilterOperator.Greater => $"{target} > {value}",
                FilterOperator.GreaterOrEqual => $"{target} >= {value}",
                FilterOperator.Between => $"{target} >= {value} AND {target} <= {parameter(c.To!)}",
                FilterOperator.Like => $"{target} LIKE {value} ESCAPE '\\'",
                _ => $"{target} NOT LIKE {value} ESCAPE '\\'",
            };
            return c.MatchesBlank ? $"({column} IS NULL OR {sql})" : $"({sql})";
        }
    }

    /// <summary>The filter as a predicate on a string, decimal or DateOnly property (nullable or not) that EF Core translates.</summary>
    public Expression<Func<T, bool>> ToPredicate<T, TValue>(Expression<Func<T, TValue>> property)
    {
        var column = property.Body;
        var valueType = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
        var target = Type == FilterFieldType.Text ? Expression.Call(column, ToUpper) : column;
        Expression? body = null;
        foreach (var group in Alternatives)
        {
            var all = group.Select(Condition).Aggregate(Expression.AndAlso);
            body = body is null ? all : Expression.OrElse(body, all);
        }
        return Expression.Lambda<Func<T, bool>>(body!, property.Parameters);

        Expression Condition(FilterCondition c)
        {
            var nullable = !column.Type.IsValueType || Nullable.GetUnderlyingType(column.Type) is not null;
            var isNull = nullable ? Expression.Equal(column, Expression.Constant(null, column.Type)) : (Expression)Expression.Constant(false);
            if (c.Value is null)
            {
                var blank = valueType == typeof(string) ? Expression.OrElse(isNull, Expression.Equal(column, Expression.Constant(""))) : isNull;
                return c.Operator == FilterOperator.Equal ? blank : Expression.Not(blank);
            }
            var condition = c.Operator switch
            {
                FilterOperator.Equal => Expression.Equal(target, Value(c.Value)),
                FilterOperator.NotEqual => Expression.NotEqual(target, Value(c.Value)),
                FilterOperator.Less => Compare(Expression.LessThan, c.Value),
                FilterOperator.LessOrEqual => Compare(Expression.LessThanOrEqual, c.Value),
                FilterOperator.Greater => Compare(Expression.GreaterThan, c.Value),
                FilterOperator.GreaterOrEqual => Compare(Expression.GreaterThanOrEqual, c.Value),
                FilterOperator.Between => Expression.AndAlso(Compare(Expression.GreaterThanOrEqual, c.Value), Compare(Expression.LessThanOrEqual, c.To!)),
                FilterOperator.Like => Like(c.Value),
                _ => Expression.Not(Like(c.Value)),
            };
            return c.MatchesBlank && nullable ? Expression.OrElse(isNull, condition) : condition;
        }

        // String order is what SQL's < says; EF Core translates string.Compare(a, b) < 0 to a < b.
        Expression Compare(Func<Expression, Expression, BinaryExpression> op, object value) => valueType == typeof(string)
            ? op(Expression.Call(CompareStrings, target, Value(value)), Expression.Constant(0))
            : op(target, Value(value));

        Expression Like(object pattern) =>
            Expression.Call(LikeWithEscape, Expression.Constant(EF.Functions), target, Value(pattern), Expression.Constant("\\"));

        // Through a holder, so that EF Core sends the value as a parameter: one cached query whatever the value.
        Expression Value(object value)
        {
            var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(value.GetType()), value)!;
            var read = Expression.Property(Expression.Constant(holder), "Value");
            return target.Type == read.Type ? read : Expression.Convert(read, target.Type);
        }
    }

    private static readonly MethodInfo ToUpper = typeof(string).GetMethod(nameof(string.ToUpper), System.Type.EmptyTypes)!;

    private static readonly MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo LikeWithEscape = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

/// <summary>Applying a filter expression typed in a list filter to a query.</summary>
public static class FilterExpressions
{
    /// <summary>
    /// <paramref name="query"/> narrowed to the rows whose <paramref name="property"/> meets the filter
    /// <paramref name="text"/>; unchanged when it is blank. A malformed filter is a 400 at <paramref name="field"/>.
    /// </summary>
    public static IQueryable<T> WhereFilter<T, TValue>(this IQueryable<T> query, string? text, FilterFieldType type, string field,
        Expression<Func<T, TValue>> property) =>
        FilterExpression.Parse(text, type, field) is { } filter ? query.Where(filter.ToPredicate(property)) : query;
}
