using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>What an <see cref="InteractionTotal"/> sums by: BC's SIFT keys on the Interaction Log Entry table.</summary>
public enum InteractionTotalKey
{
    Template = 1,
    Group = 2,
    Salesperson = 3,
    Campaign = 4,
}

/// <summary>
/// BC's SIFT for the interaction statistics (rules 7 and 26): the log's counted entries (neither canceled nor
/// postponed) pre-summed per template, group, salesperson and campaign and per day. A statistic over the whole log then
/// reads a few hundred rows, however many millions of entries there are, and a date range still filters exactly.
/// Cost and duration are kept in hundredths as integers: SQLite stores decimals as text and would sum them through a
/// function call per row; integers sum natively on both databases and stay exact (entries hold two decimals).
/// Every path that changes whether an entry counts applies the change in the same transaction through
/// <see cref="InteractionTotals"/>; nothing else writes this table.
/// </summary>
public sealed class InteractionTotal
{
    private InteractionTotal()
    {
    }

    public InteractionTotalKey Key { get; private set; }
    public string Code { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public long NoOfInteractions { get; private set; }
    public long CostLcyHundredths { get; private set; }
    public long DurationMinHundredths { get; private set; }
    public long CampaignTargets { get; private set; }
    public long CampaignResponses { get; private set; }
}

/// <summary>
/// Keeps <see cref="InteractionTotal"/> in step with the log. A change is collected as deltas (+1 entry when one starts
/// to count, −1 when it stops) and written as one upsert that adds them to the stored rows, so concurrent writers
/// never lose each other's counts. The SQL is the same on SQLite and PostgreSQL, and runs on the caller's connection and
/// transaction, so the bulk writers (which bypass EF Core) use it as well.
/// </summary>
public sealed class InteractionTotals
{
    private readonly Dictionary<(InteractionTotalKey Key, string Code, DateOnly Date), long[]> _deltas = [];

    public bool IsEmpty => _deltas.Count == 0;

    /// <summary>What of an entry its totals need, for callers that change entries in SQL and read back only these.</summary>
    public readonly record struct Row(string TemplateCode, string GroupCode, string? SalespersonCode, string? CampaignNo, DateOnly Date,
        decimal CostLcy, decimal DurationMin, bool CampaignTarget, bool CampaignResponse);

    /// <summary>The entry starts to count (sign +1) or stops counting (−1).</summary>
    public void Add(InteractionLogEntry entry, int sign) =>
        Add(new Row(entry.InteractionTemplateCode, entry.InteractionGroupCode, entry.SalespersonCode, entry.CampaignNo, entry.Date,
            entry.CostLcy, entry.DurationMin, entry.CampaignTarget, entry.CampaignResponse), sign);

    public void Add(Row entry, int sign)
    {
        var values = new[]
        {
            sign,
            sign * Hundredths(entry.CostLcy),
            sign * Hundredths(entry.DurationMin),
            entry.CampaignTarget ? sign : 0,
            entry.CampaignResponse ? sign : 0,
        };
        Add(InteractionTotalKey.Template, entry.TemplateCode, entry.Date, values);
        Add(InteractionTotalKey.Group, entry.GroupCode, entry.Date, values);
        if (entry.SalespersonCode is { } salesperson)
        {
            Add(InteractionTotalKey.Salesperson, salesperson, entry.Date, values);
        }
        if (entry.CampaignNo is { } campaign)
        {
            Add(InteractionTotalKey.Campaign, campaign, entry.Date, values);
        }
    }

    /// <summary>Adds an entry that counts when it is written: logged, not postponed, not canceled.</summary>
    public void AddIfCounted(InteractionLogEntry entry)
    {
        if (!entry.Canceled && !entry.Postponed)
        {
            Add(entry, +1);
        }
    }

    private void Add(InteractionTotalKey key, string code, DateOnly date, long[] values)
    {
        if (!_deltas.TryGetValue((key, code, date), out var sums))
        {
            _deltas[(key, code, date)] = sums = new long[values.Length];
        }
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                sums[i] = checked(sums[i] + values[i]);
            }
            catch (OverflowException)
            {
                throw DomainException.Conflict(Messages.Get("TotalsOverflow"));
            }
        }
    }

    public static long Hundredths(decimal value) => (long)decimal.Round(value * 100, MidpointRounding.AwayFromZero);

    /// <summary>Sums of day rows are read as decimals: exact however many rows they add up.</summary>
    public static decimal FromHundredths(decimal value) => value / 100m;

    /// <summary>Writes the collected deltas inside the DbContext's current transaction (the caller has begun one).</summary>
    public Task SaveAsync(Common.ITouchpointDb db, CancellationToken ct) =>
        SaveAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), ct);

    /// <summary>
    /// Writes the collected deltas on a connection (the bulk writers' own), in batches of one multi-row upsert each. Rows
    /// go in key order so that two transactions touching the same rows lock them in the same order (no deadlock on
    /// PostgreSQL).
    /// </summary>
    public async Task SaveAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        const int rowsPerStatement = 200;
        var rows = _deltas.OrderBy(d => d.Key.Key).ThenBy(d => d.Key.Code, StringComparer.Ordinal).ThenBy(d => d.Key.Date).ToList();
        foreach (var batch in rows.Chunk(rowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(
                "INSERT INTO \"InteractionTotals\" (\"Key\", \"Code\", \"Date\", \"NoOfInteractions\", \"CostLcyHundredths\", " +
                "\"DurationMinHundredths\", \"CampaignTargets\", \"CampaignResponses\") VALUES ");
            for (var i = 0; i < batch.Length; i++)
            {
                var ((key, code, date), sums) = batch[i];
                if (i > 0)
                {
                    sql.Append(", ");
                }
                sql.Append(CultureInfo.InvariantCulture, $"(@k{i}, @c{i}, @d{i}, @n{i}, @cost{i}, @dur{i}, @t{i}, @r{i})");
                Parameter(command, $"@k{i}", (int)key);
                Parameter(command, $"@c{i}", code);
                Parameter(command, $"@d{i}", date);
                Parameter(command, $"@n{i}", sums[0]);
                Parameter(command, $"@cost{i}", sums[1]);
                Parameter(command, $"@dur{i}", sums[2]);
                Parameter(command, $"@t{i}", sums[3]);
                Parameter(command, $"@r{i}", sums[4]);
            }
            var sqlite = connection.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal);
            sql.Append(" ON CONFLICT (\"Key\", \"Code\", \"Date\") DO UPDATE SET ")
                .AppendJoin(", ", Columns.Select(c => $"\"{c}\" = {Added(c, sqlite)}"));
            command.CommandText = sql.ToString();
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (DbException e) when (IsOverflow(e))
            {
                throw DomainException.Conflict(Messages.Get("TotalsOverflow"));
            }
        }
        _deltas.Clear();
    }

    private static readonly string[] Columns = ["NoOfInteractions", "CostLcyHundredths", "DurationMinHundredths", "CampaignTargets", "CampaignResponses"];

    /// <summary>
    /// The stored value plus the delta, failing when the sum leaves 64 bits: PostgreSQL's bigint addition raises
    /// "out of range" by itself, while SQLite would quietly turn the sum into an inexact floating-point number, so there
    /// abs() of the smallest integer raises SQLite's "integer overflow" instead. The write then fails whole.
    /// </summary>
    private static string Added(string column, bool sqlite)
    {
        var sum = $"\"InteractionTotals\".\"{column}\" + excluded.\"{column}\"";
        return sqlite ? $"CASE WHEN typeof({sum}) = 'integer' THEN {sum} ELSE abs(-9223372036854775807 - 1) END" : sum;
    }

    /// <summary>A write that would take a day's total past 64 bits (see <see cref="Added"/>): SQLite's or PostgreSQL's (22003) error.</summary>
    private static bool IsOverflow(DbException e) =>
        e.Message.Contains("integer overflow", StringComparison.Ordinal) || e.SqlState == "22003";

    internal static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
