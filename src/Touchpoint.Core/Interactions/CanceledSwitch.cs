using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>What a mass cancel (rule 31) reaches the interaction log entries through.</summary>
internal enum CanceledSwitchOwner
{
    LoggedSegment,
    CampaignEntry,
}

/// <summary>
/// Rule 31's mass cancel, shared by logged segments and campaign entries: the owner's own Canceled is a concurrency
/// token (of two users switching it at once, the second is told, not counted twice), and its interaction log entries
/// switch in one UPDATE that returns the entries it changed, so their statistics (InteractionTotals) move by exactly
/// them. Set-based, as one owner may hold 100,000 entries. Runs in the caller's transaction.
/// </summary>
internal static class CanceledSwitch
{
    /// <summary>Saves the owner's changed Canceled; a concurrent change of it is a 409 with <paramref name="conflictMessage"/>.</summary>
    public static async Task SaveOwnerAsync(ITouchpointDb db, string conflictMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(conflictMessage);
        }
    }

    /// <summary>Switches the owner's entries that are not yet in the wanted state (never postponed ones) and writes their totals.</summary>
    public static async Task SwitchEntriesAsync(ITouchpointDb db, CanceledSwitchOwner owner, long ownerNo, bool cancel, string userId,
        DateTimeOffset now, CancellationToken ct)
    {
        var column = owner switch
        {
            CanceledSwitchOwner.LoggedSegment => "LoggedSegmentEntryNo",
            CanceledSwitchOwner.CampaignEntry => "CampaignEntryNo",
            _ => throw new ArgumentOutOfRangeException(nameof(owner)),
        };
        var connection = db.Database.GetDbConnection();
        var totals = new InteractionTotals();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"""
                UPDATE "InteractionLogEntries" SET "Canceled" = @cancel, "CanceledBy" = @user, "CanceledAt" = @now
                WHERE "{column}" = @ownerNo AND "Canceled" <> @cancel AND "Postponed" = FALSE
                RETURNING "InteractionTemplateCode", "InteractionGroupCode", "SalespersonCode", "CampaignNo", "Date", "CostLcy",
                    "DurationMin", "CampaignTarget", "CampaignResponse"
                """;
            InteractionTotals.Parameter(command, "@cancel", cancel);
            InteractionTotals.Parameter(command, "@user", userId);
            InteractionTotals.Parameter(command, "@now", now);
            InteractionTotals.Parameter(command, "@ownerNo", ownerNo);
            var sign = cancel ? -1 : +1;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                totals.Add(Row(reader), sign);
            }
        }
        await totals.SaveAsync(db, ct);
    }

    private static InteractionTotals.Row Row(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateOnly>(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetBoolean(7), reader.GetBoolean(8));
}
