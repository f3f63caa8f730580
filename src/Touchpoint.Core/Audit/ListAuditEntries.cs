using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Audit;

public sealed record AuditEntryDto(long EntryNo, DateTimeOffset At, string? UserId, string Action, string Entity, string Key, string? Details);

/// <summary>The filters of the audit trail (all optional; dates are UTC dates, both inclusive).</summary>
public sealed record AuditEntryQuery
{
    public string? Entity { get; init; }
    public string? Key { get; init; }
    public string? UserId { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>The audit trail, newest first, keyset-paged on the entry no. (entry nos. grow with time).</summary>
public sealed class ListAuditEntries(ITouchpointDb db)
{
    public async Task<Page<AuditEntryDto>> HandleAsync(AuditEntryQuery q, CancellationToken ct = default)
    {
        var take = Cursor.Limit(q.Limit);
        var errors = new FieldErrors();
        var entity = errors.MaxLength("entity", Blank(q.Entity), AuditEntry.EntityLength);
        var key = errors.MaxLength("key", Blank(q.Key), AuditEntry.KeyLength);
        var userId = errors.MaxLength("userId", Blank(q.UserId), AuditEntry.UserIdLength);
        if (q.DateFrom is { } from && q.DateTo is { } to && from > to)
        {
            errors.Add("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
        errors.ThrowIfAny();
        var query = db.AuditEntries.AsNoTracking();
        if (entity is not null)
        {
            query = query.Where(a => a.Entity == entity);
        }
        if (key is not null)
        {
            // Keys are codes (upper case), numbers or users' e-mails (lower case); either is found however it is typed.
            var upper = key.ToUpperInvariant();
            var lower = key.ToLowerInvariant();
            query = query.Where(a => a.Key == key || a.Key == upper || a.Key == lower);
        }
        if (userId is not null)
        {
            query = query.Where(a => a.UserId == userId);
        }
        if (q.DateFrom is { } dateFrom)
        {
            query = query.Where(a => a.Date >= dateFrom);
        }
        if (q.DateTo is { } dateTo)
        {
            query = query.Where(a => a.Date <= dateTo);
        }
        if (Cursor.Decode(q.Cursor, 1)?[0] is { } after)
        {
            if (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var afterNo))
            {
                throw DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));
            }
            query = query.Where(a => a.EntryNo < afterNo);
        }
        var rows = await query.OrderByDescending(a => a.EntryNo).Take(take + 1)
            .Select(a => new AuditEntryDto(a.EntryNo, a.At, a.UserId, a.Action, a.Entity, a.Key, a.Details)).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.EntryNo.ToString(CultureInfo.InvariantCulture)]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
