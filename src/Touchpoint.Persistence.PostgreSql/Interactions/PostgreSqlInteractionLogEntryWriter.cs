using Npgsql;
using NpgsqlTypes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.PostgreSql.Interactions;

/// <summary>
/// The PostgreSQL bulk path for interaction log entries: one binary COPY (see benchmarks/README.md), a single statement and so all
/// or nothing. The columns follow InteractionLogEntryConfiguration and the PostgreSQL Initial migration; EntryNo
/// is left to the identity column. The entries' statistics go to InteractionTotals in the same transaction.
/// </summary>
internal static class PostgreSqlInteractionLogEntryWriter
{
    private const string Columns =
        """
        "ContactNo", "ContactCompanyNo", "Date", "TimeOfInteraction", "Description",
            "Subject", "InformationFlow", "InitiatedBy", "AttachmentNo", "CostLcy", "DurationMin", "UserId",
            "InteractionGroupCode", "InteractionTemplateCode", "CampaignNo", "CampaignEntryNo", "CampaignResponse",
            "CampaignTarget", "SegmentNo", "LoggedSegmentEntryNo", "Evaluation", "AttemptFailed", "SalespersonCode",
            "DeliveryStatus", "Canceled", "CorrespondenceType", "DocumentType", "DocumentNo", "VersionNo", "DocNoOccurrence", "ContactVia",
            "InteractionLanguageCode", "OpportunityNo", "Postponed", "HasComments", "CanceledBy", "CanceledAt"
        """;

    private const string Copy = $"COPY \"InteractionLogEntries\" ({Columns}) FROM STDIN (FORMAT BINARY)";

    // With the numbers taken from the key's sequence beforehand, so that the caller learns them.
    private const string CopyNumbered = $"COPY \"InteractionLogEntries\" (\"EntryNo\", {Columns}) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // The entries and their statistics (InteractionTotals) land together or not at all.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var totals = new InteractionTotals();
        await CopyAsync(connection, entries, totals, numbers: null, ct);
        await totals.SaveAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        // Fresh statistics, so that the planner knows the table's new size before autovacuum gets to it.
        await using var analyze = new NpgsqlCommand("ANALYZE \"InteractionLogEntries\"", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The rows only, as one COPY on a connection the caller holds (inside its transaction, if it has begun one). The
    /// values are written with the synchronous calls: they fill Npgsql's buffer, which goes out when full; awaiting each
    /// of the 36 values of every row cost more CPU than the rare synchronous flush blocks.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<InteractionLogEntry> entries, InteractionTotals? totals,
        IReadOnlyList<long>? numbers, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(numbers is null ? Copy : CopyNumbered, ct))
        {
            var n = 0;
            foreach (var e in entries)
            {
                totals?.AddIfCounted(e);
                copy.StartRow();
                if (numbers is not null)
                {
                    copy.Write(numbers[n++], NpgsqlDbType.Bigint);
                }
                copy.Write(e.ContactNo, NpgsqlDbType.Varchar);
                Text(copy, e.ContactCompanyNo);
                copy.Write(e.Date, NpgsqlDbType.Date);
                copy.Write(e.TimeOfInteraction, NpgsqlDbType.Time);
                copy.Write(e.Description, NpgsqlDbType.Varchar);
                Text(copy, e.Subject);
                copy.Write((int)e.InformationFlow, NpgsqlDbType.Integer);
                copy.Write((int)e.InitiatedBy, NpgsqlDbType.Integer);
                BigInt(copy, e.AttachmentNo);
                copy.Write(e.CostLcy, NpgsqlDbType.Numeric);
                copy.Write(e.DurationMin, NpgsqlDbType.Numeric);
                copy.Write(e.UserId, NpgsqlDbType.Varchar);
                copy.Write(e.InteractionGroupCode, NpgsqlDbType.Varchar);
                copy.Write(e.InteractionTemplateCode, NpgsqlDbType.Varchar);
                Text(copy, e.CampaignNo);
                BigInt(copy, e.CampaignEntryNo);
                copy.Write(e.CampaignResponse, NpgsqlDbType.Boolean);
                copy.Write(e.CampaignTarget, NpgsqlDbType.Boolean);
                Text(copy, e.SegmentNo);
                BigInt(copy, e.LoggedSegmentEntryNo);
                copy.Write((int)e.Evaluation, NpgsqlDbType.Integer);
                copy.Write(e.AttemptFailed, NpgsqlDbType.Boolean);
                Text(copy, e.SalespersonCode);
                copy.Write((int)e.DeliveryStatus, NpgsqlDbType.Integer);
                copy.Write(e.Canceled, NpgsqlDbType.Boolean);
                copy.Write((int)e.CorrespondenceType, NpgsqlDbType.Integer);
                copy.Write((int)e.DocumentType, NpgsqlDbType.Integer);
                Text(copy, e.DocumentNo);
                copy.Write(e.VersionNo, NpgsqlDbType.Integer);
                copy.Write(e.DocNoOccurrence, NpgsqlDbType.Integer);
                Text(copy, e.ContactVia);
                Text(copy, e.InteractionLanguageCode);
                Text(copy, e.OpportunityNo);
                copy.Write(e.Postponed, NpgsqlDbType.Boolean);
                copy.Write(e.HasComments, NpgsqlDbType.Boolean);
                Text(copy, e.CanceledBy);
                if (e.CanceledAt is { } canceledAt)
                {
                    // timestamptz takes UTC only, as EF Core's Npgsql mapping does.
                    copy.Write(canceledAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                }
                else
                {
                    copy.WriteNull();
                }
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void BigInt(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
    }
}

/// <summary>
/// The bulk path inside a use case's EF Core transaction (the logging pipeline), on the DbContext's own connection. COPY
/// returns no keys, so the entries' numbers are first taken from the key's sequence in one query, one <c>nextval</c>
/// per entry as the identity column would take them, then written with the rows. One <c>nextval</c> each keeps them
/// right beside anyone else taking numbers meanwhile (a single interaction's INSERT uses the column's default, another
/// instance of the app its own block): a block reserved with <c>setval</c> could not stop those from taking a number
/// inside it. What made this slow was not <c>nextval</c> but looking the sequence up again for every row, and 100,000
/// result rows: the sequence is looked up once, and the numbers come back as one array.
/// </summary>
internal sealed class PostgreSqlInteractionLogEntryBulkWriter : IInteractionLogEntryBulkWriter
{
    private const string NextNumbers =
        """
        WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('"InteractionLogEntries"', 'EntryNo')::regclass AS seq)
        SELECT array_agg(nextval(s.seq)) FROM s CROSS JOIN generate_series(1, $1)
        """;

    public async Task<IReadOnlyList<long>> WriteAsync(ITouchpointDb db, IReadOnlyList<InteractionLogEntry> entries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        long[] numbers;
        await using (var next = new NpgsqlCommand(NextNumbers, connection))
        {
            next.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entries.Count });
            numbers = (long[])(await next.ExecuteScalarAsync(ct))!;
        }
        // Others may take numbers between ours; ours still go to the entries in their order, as BC numbers a log.
        Array.Sort(numbers);
        await PostgreSqlInteractionLogEntryWriter.CopyAsync(connection, entries, null, numbers, ct);
        return numbers;
    }
}
