using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Touchpoint.Core.Common;

/// <summary>
/// A column a keyset-paged list can also be sorted by, besides its own order: the rows are ordered by the column and
/// then by the row's key (entry no., contact no.), so that rows with the same value keep one order from page to page.
/// The cursor holds the column's name, its value and the key of the last row, so a cursor of another sort is a 400.
/// </summary>
/// <typeparam name="TRow">The entity the query reads.</typeparam>
/// <typeparam name="TDto">The row the list returns, from which the next cursor is made.</typeparam>
/// <typeparam name="TTie">The row's key: the tiebreaker.</typeparam>
public abstract class SortColumn<TRow, TDto, TTie>
{
    protected SortColumn(string name) => Name = name;

    /// <summary>The column's name in the API (<c>sort=costLcy</c>) and in the cursor.</summary>
    public string Name { get; }

    public abstract IQueryable<TRow> Apply(IQueryable<TRow> rows, Expression<Func<TRow, TTie>> tie, string[]? after, bool descending);

    /// <summary>The cursor's keys for the last row of a page.</summary>
    public abstract string[] CursorKeys(TDto row, string tie);
}

/// <summary>Makes the sort columns of a list; each kind of value compares as the database orders it.</summary>
public static class SortColumns
{
    public static SortColumn<TRow, TDto, TTie> Text<TRow, TDto, TTie>(string name, Expression<Func<TRow, string>> key, Func<TDto, string?> value) =>
        new Column<TRow, TDto, TTie, string>(name, key, d => value(d) ?? "", k => k);

    public static SortColumn<TRow, TDto, TTie> Number<TRow, TDto, TTie>(string name, Expression<Func<TRow, decimal>> key, Func<TDto, decimal> value) =>
        new Column<TRow, TDto, TTie, decimal>(name, key, d => value(d).ToString(CultureInfo.InvariantCulture),
            k => decimal.TryParse(k, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw CursorNotValid());

    public static SortColumn<TRow, TDto, TTie> Integer<TRow, TDto, TTie>(string name, Expression<Func<TRow, long>> key, Func<TDto, long> value) =>
        new Column<TRow, TDto, TTie, long>(name, key, d => value(d).ToString(CultureInfo.InvariantCulture), Cursor.Long);

    /// <summary>An option (enum) or a yes/no field, ordered by its number as the database stores it.</summary>
    public static SortColumn<TRow, TDto, TTie> Option<TRow, TDto, TTie>(string name, Expression<Func<TRow, int>> key, Func<TDto, int> value) =>
        new Column<TRow, TDto, TTie, int>(name, key, d => value(d).ToString(CultureInfo.InvariantCulture), Cursor.Int);

    internal static DomainException CursorNotValid() => DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));

    private sealed class Column<TRow, TDto, TTie, TKey>(string name, Expression<Func<TRow, TKey>> key, Func<TDto, string> value, Func<string, TKey> parse)
        : SortColumn<TRow, TDto, TTie>(name)
    {
        public override IQueryable<TRow> Apply(IQueryable<TRow> rows, Expression<Func<TRow, TTie>> tie, string[]? after, bool descending)
        {
            if (after is not null)
            {
                if (after[0] != Name)
                {
                    throw CursorNotValid();
                }
                rows = rows.Where(After(tie, parse(after[1]), ParseTie(after[2]), descending));
            }
            return descending
                ? rows.OrderByDescending(key).ThenByDescending(tie)
                : rows.OrderBy(key).ThenBy(tie);
        }

        public override string[] CursorKeys(TDto row, string tie) => [Name, value(row), tie];

        // key > k OR (key = k AND tie > t), or with "<" when descending; the values as parameters, not in the SQL text.
        private Expression<Func<TRow, bool>> After(Expression<Func<TRow, TTie>> tie, TKey keyValue, TTie tieValue, bool descending)
        {
            var row = key.Parameters[0];
            var keyBody = key.Body;
            var tieBody = new Rebind(tie.Parameters[0], row).Visit(tie.Body);
            var op = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
            var beyond = Expression.OrElse(
                Compare(op, keyBody, Parameter(keyValue)),
                Expression.AndAlso(Expression.Equal(keyBody, Parameter(keyValue)), Compare(op, tieBody, Parameter(tieValue))));
            return Expression.Lambda<Func<TRow, bool>>(beyond, row);
        }

        private static TTie ParseTie(string value) =>
            typeof(TTie) == typeof(long) ? (TTie)(object)Cursor.Long(value)
            : typeof(TTie) == typeof(string) ? (TTie)(object)value
            : throw new NotSupportedException(typeof(TTie).Name);
    }

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    // Text compares with string.Compare (the database's own order, as ORDER BY); numbers with their operators.
    private static BinaryExpression Compare(ExpressionType op, Expression left, Expression right) =>
        left.Type == typeof(string)
            ? Expression.MakeBinary(op, Expression.Call(StringCompare, left, right), Expression.Constant(0))
            : Expression.MakeBinary(op, left, right);

    // A captured value, which EF Core sends as a parameter.
    private static MemberExpression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A sort as the API writes it: <c>field</c> ascending, <c>-field</c> descending.</summary>
public readonly record struct SortOrder(string Field, bool Descending)
{
    public static SortOrder? Parse(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return null;
        }
        sort = sort.Trim();
        return sort.StartsWith('-') ? new SortOrder(sort[1..], true) : new SortOrder(sort.TrimStart('+'), false);
    }

    public override string ToString() => Descending ? "-" + Field : Field;

    /// <summary>
    /// The list's sort from the API's <c>sort</c> (<c>costLcy</c>, <c>-costLcy</c>), by the camelCase names of
    /// <typeparamref name="TEnum"/>, its whitelist; null when none is asked for; any other name is a 400 at "sort".
    /// </summary>
    public static (TEnum Field, bool Descending)? Of<TEnum>(string? sort) where TEnum : struct, Enum
    {
        if (Parse(sort) is not { } order)
        {
            return null;
        }
        var names = Enum.GetValues<TEnum>().ToDictionary(v => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);
        return names.TryGetValue(order.Field, out var field)
            ? (field, order.Descending)
            : throw DomainException.Invalid("sort", Messages.Get("SortNotInList", sort!.Trim(), string.Join(", ", names.Keys), names.Keys.First()));
    }
}
