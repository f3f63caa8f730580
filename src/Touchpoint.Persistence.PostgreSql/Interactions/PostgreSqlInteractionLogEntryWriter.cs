using Npgsql;
using NpgsqlTypes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.PostgreSql.Interactions;

/// <summary>
/// The PostgreSQL bulk path for interaction log entries: one binary COPY (see stack.md), a single statement and so all
/// or nothing. The columns follow InteractionLogEntryConfiguration and the PostgreSQL InteractionLog migration; EntryNo
/// is left to the identity column. The entries' statistics go to InteractionTotals in the same transaction.
/// </summary>
internal static class PostgreSqlInteractionLogEntryWriter
{
    private const string Copy =
        """
        COPY "InteractionLogEntries" ("ContactNo", "ContactCompanyNo", "Date", "TimeOfInteraction", "Description",
            "Subject", "InformationFlow", "InitiatedBy", "AttachmentNo", "CostLcy", "DurationMin", "UserId",
            "InteractionGroupCode", "InteractionTemplateCode", "CampaignNo", "CampaignEntryNo", "CampaignResponse",
            "CampaignTarget", "SegmentNo", "LoggedSegmentEntryNo", "Evaluation", "AttemptFailed", "SalespersonCode",
            "DeliveryStatus", "Canceled", "CorrespondenceType", "DocumentType", "DocumentNo", "VersionNo", "ContactVia",
            "InteractionLanguageCode", "OpportunityNo", "Postponed", "HasComments", "CanceledBy", "CanceledAt")
            FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // The entries and their statistics (InteractionTotals) land together or not at all.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var totals = new InteractionTotals();
        await CopyAsync(connection, entries, totals, ct);
        await totals.SaveAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        // Fresh statistics, so that the planner knows the table's new size before autovacuum gets to it.
        await using var analyze = new NpgsqlCommand("ANALYZE \"InteractionLogEntries\"", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rows only, as one COPY on a connection the caller holds (inside its transaction, if it has begun one).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<InteractionLogEntry> entries, InteractionTotals? totals, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var e in entries)
            {
                totals?.AddIfCounted(e);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.ContactNo, NpgsqlDbType.Varchar, ct);
                await Text(copy, e.ContactCompanyNo, ct);
                await copy.WriteAsync(e.Date, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(e.TimeOfInteraction, NpgsqlDbType.Time, ct);
                await copy.WriteAsync(e.Description, NpgsqlDbType.Varchar, ct);
                await Text(copy, e.Subject, ct);
                await copy.WriteAsync((int)e.InformationFlow, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)e.InitiatedBy, NpgsqlDbType.Integer, ct);
                await BigInt(copy, e.AttachmentNo, ct);
                await copy.WriteAsync(e.CostLcy, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(e.DurationMin, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(e.UserId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.InteractionGroupCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.InteractionTemplateCode, NpgsqlDbType.Varchar, ct);
                await Text(copy, e.CampaignNo, ct);
                await BigInt(copy, e.CampaignEntryNo, ct);
                await copy.WriteAsync(e.CampaignResponse, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(e.CampaignTarget, NpgsqlDbType.Boolean, ct);
                await Text(copy, e.SegmentNo, ct);
                await BigInt(copy, e.LoggedSegmentEntryNo, ct);
                await copy.WriteAsync((int)e.Evaluation, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.AttemptFailed, NpgsqlDbType.Boolean, ct);
                await Text(copy, e.SalespersonCode, ct);
                await copy.WriteAsync((int)e.DeliveryStatus, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.Canceled, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync((int)e.CorrespondenceType, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)e.DocumentType, NpgsqlDbType.Integer, ct);
                await Text(copy, e.DocumentNo, ct);
                await copy.WriteAsync(e.VersionNo, NpgsqlDbType.Integer, ct);
                await Text(copy, e.ContactVia, ct);
                await Text(copy, e.InteractionLanguageCode, ct);
                await Text(copy, e.OpportunityNo, ct);
                await copy.WriteAsync(e.Postponed, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(e.HasComments, NpgsqlDbType.Boolean, ct);
                await Text(copy, e.CanceledBy, ct);
                if (e.CanceledAt is { } canceledAt)
                {
                    // timestamptz takes UTC only, as EF Core's Npgsql mapping does.
                    await copy.WriteAsync(canceledAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private static Task BigInt(NpgsqlBinaryImporter copy, long? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Bigint, ct) : copy.WriteNullAsync(ct);
}

/// <summary>The bulk path inside a use case's EF Core transaction (a logged segment), on the DbContext's own connection.</summary>
internal sealed class PostgreSqlInteractionLogEntryBulkWriter : IInteractionLogEntryBulkWriter
{
    public Task WriteAsync(ITouchpointDb db, IReadOnlyList<InteractionLogEntry> entries, CancellationToken ct) =>
        PostgreSqlInteractionLogEntryWriter.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), entries, null, ct);
}
