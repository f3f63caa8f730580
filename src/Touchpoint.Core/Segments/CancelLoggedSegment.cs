using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Rule 31: canceling a logged segment cancels its campaign entries and its interaction log entries with it;
/// un-canceling brings them all back. Set-based, as a logged segment may hold 100,000 entries: one UPDATE per table,
/// the changed entries returned by the UPDATE itself so their statistics (InteractionTotals) move by exactly them.
/// </summary>
public sealed class CancelLoggedSegment(ITouchpointDb db, TimeProvider clock)
{
    public async Task<LoggedSegmentDto> HandleAsync(long entryNo, bool cancel, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var logged = await db.LoggedSegments.FirstOrDefaultAsync(l => l.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", entryNo));
        logged.SetCanceled(cancel);
        try
        {
            // Canceled is a concurrency token: of two users switching it at once, the second is told, not counted twice.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(Messages.Get("EntryChangedByAnotherUser"));
        }
        await db.CampaignEntries.Where(c => c.RegisterNo == entryNo && c.Canceled != cancel)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Canceled, cancel), ct);
        var totals = await SwitchEntriesAsync(entryNo, cancel, userId, ct);
        await totals.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return await new ListLoggedSegments(db).GetAsync(entryNo, ct);
    }

    private async Task<InteractionTotals> SwitchEntriesAsync(long entryNo, bool cancel, string userId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            UPDATE "InteractionLogEntries" SET "Canceled" = @cancel, "CanceledBy" = @user, "CanceledAt" = @now
            WHERE "LoggedSegmentEntryNo" = @entryNo AND "Canceled" <> @cancel AND "Postponed" = FALSE
            RETURNING "InteractionTemplateCode", "InteractionGroupCode", "SalespersonCode", "CampaignNo", "Date", "CostLcy",
                "DurationMin", "CampaignTarget", "CampaignResponse"
            """;
        Parameter(command, "@cancel", cancel);
        Parameter(command, "@user", userId);
        Parameter(command, "@now", clock.GetUtcNow());
        Parameter(command, "@entryNo", entryNo);
        var totals = new InteractionTotals();
        var sign = cancel ? -1 : +1;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            totals.Add(new InteractionTotals.Row(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateOnly>(4), reader.GetDecimal(5), reader.GetDecimal(6),
                reader.GetBoolean(7), reader.GetBoolean(8)), sign);
        }
        return totals;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
