using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>A comment line as the API shows it; a blank date (BC's 0D) is null.</summary>
public sealed record InteractionLogEntryCommentDto(int LineNo, DateOnly? Date, string Comment, DateOnly? LastDateModified);

/// <summary>
/// BC table 5123, Inter. Log Entry Comment Line, reached from an entry: its lines in line order, and a new line at the
/// end (line numbers step 10000), a line changed or deleted as BC's comment sheet lets the user do. Rule 1.6: a line added without a date gets the work date only when no line of the
/// entry has the work date yet; otherwise its date stays blank, as BC's SetUpNewLine leaves it.
/// </summary>
public sealed class InteractionLogEntryComments(ITouchpointDb db, TimeProvider clock)
{
    private const int LineNoStep = 10000;

    public async Task<IReadOnlyList<InteractionLogEntryCommentDto>> ListAsync(long entryNo, CancellationToken ct = default)
    {
        await EnsureEntryAsync(entryNo, ct);
        var rows = await db.InteractionLogEntryComments.AsNoTracking().Where(c => c.EntryNo == entryNo).OrderBy(c => c.LineNo)
            .ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    public async Task<InteractionLogEntryCommentDto> GetAsync(long entryNo, int lineNo, CancellationToken ct = default)
    {
        await EnsureEntryAsync(entryNo, ct);
        var row = await db.InteractionLogEntryComments.AsNoTracking().FirstOrDefaultAsync(c => c.EntryNo == entryNo && c.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("CommentLineNotFound", entryNo, lineNo));
        return ToDto(row);
    }

    public async Task<InteractionLogEntryCommentDto> AddAsync(long entryNo, DateOnly? date, string? comment, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var text = CheckComment(errors, comment);
        CheckDate(errors, date);
        var entry = await db.InteractionLogEntries.FirstOrDefaultAsync(e => e.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        errors.ThrowIfAny();

        var workDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (date is null)
        {
            var hasWorkDate = await db.InteractionLogEntryComments.AnyAsync(c => c.EntryNo == entryNo && c.Date == workDate, ct);
            date = hasWorkDate ? InteractionLogEntryComment.NoDate : workDate;
        }
        var lastLineNo = await db.InteractionLogEntryComments.Where(c => c.EntryNo == entryNo).MaxAsync(c => (int?)c.LineNo, ct) ?? 0;
        // Two lines added at the same moment may pick the same number: the key refuses the second (409, try again).
        var line = new InteractionLogEntryComment(entryNo, lastLineNo + LineNoStep, date.Value, text!, workDate);
        db.InteractionLogEntryComments.Add(line);
        entry.MarkHasComments();
        await db.SaveChangesAsync(ct);
        return ToDto(line);
    }

    /// <summary>
    /// Changes the fields given (a PATCH): the comment (required, at most 80 characters) and the date, which may be
    /// set blank (null) as BC's sheet allows. Last Date Modified becomes the work date.
    /// </summary>
    public async Task<InteractionLogEntryCommentDto> ChangeAsync(long entryNo, int lineNo, Optional<DateOnly?> date, Optional<string?> comment,
        CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var text = comment.IsSet ? CheckComment(errors, comment.Value) : null;
        if (date.IsSet)
        {
            CheckDate(errors, date.Value);
        }
        await EnsureEntryAsync(entryNo, ct);
        var line = await db.InteractionLogEntryComments.FirstOrDefaultAsync(c => c.EntryNo == entryNo && c.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("CommentLineNotFound", entryNo, lineNo));
        errors.ThrowIfAny();

        var workDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        line.Change(date.IsSet ? date.Value ?? InteractionLogEntryComment.NoDate : line.Date, text ?? line.Comment, workDate);
        await db.SaveChangesAsync(ct);
        return ToDto(line);
    }

    /// <summary>Deletes one line; the entry's comment mark goes with its last line.</summary>
    public async Task DeleteAsync(long entryNo, int lineNo, CancellationToken ct = default)
    {
        var entry = await db.InteractionLogEntries.FirstOrDefaultAsync(e => e.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        var line = await db.InteractionLogEntryComments.FirstOrDefaultAsync(c => c.EntryNo == entryNo && c.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("CommentLineNotFound", entryNo, lineNo));
        db.InteractionLogEntryComments.Remove(line);
        if (!await db.InteractionLogEntryComments.AnyAsync(c => c.EntryNo == entryNo && c.LineNo != lineNo, ct))
        {
            entry.MarkHasNoComments();
        }
        await db.SaveChangesAsync(ct);
    }

    private static string? CheckComment(FieldErrors errors, string? comment) =>
        errors.MaxLength("comment", errors.Required("comment", comment)?.Trim(), InteractionLogEntryComment.CommentLength);

    private static void CheckDate(FieldErrors errors, DateOnly? date)
    {
        if (date == InteractionLogEntryComment.NoDate)
        {
            // The stored form of a blank date cannot be asked for as a date of its own.
            errors.Add("date", Messages.Get("ValueWrongType", Messages.Field("date"), Messages.Get("ValueKind_Date"), date));
        }
    }

    private async Task EnsureEntryAsync(long entryNo, CancellationToken ct)
    {
        if (!await db.InteractionLogEntries.AnyAsync(e => e.EntryNo == entryNo, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        }
    }

    private static InteractionLogEntryCommentDto ToDto(InteractionLogEntryComment c) =>
        new(c.LineNo, BlankAsNull(c.Date), c.Comment, BlankAsNull(c.LastDateModified));

    private static DateOnly? BlankAsNull(DateOnly date) => date == InteractionLogEntryComment.NoDate ? null : date;
}
