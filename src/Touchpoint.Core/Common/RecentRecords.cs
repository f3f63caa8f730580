using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Core.Common;

/// <summary>The kinds of record whose cards a user opens and finds again among the recent ones.</summary>
public enum RecordKind
{
    Contact = 1,
    Opportunity = 2,
    Segment = 3,
    Campaign = 4,
}

/// <summary>A record by kind and no.</summary>
public sealed record RecordRef(RecordKind Kind, string No);

/// <summary>A record with what it is called today.</summary>
public sealed record RecordTitle(RecordKind Kind, string No, string Title);

/// <summary>
/// Names the records a user opened last, in the order given, and leaves out those deleted since (a logged segment is
/// one: logging removes it). One query per kind present, each by primary key.
/// </summary>
public sealed class RecentRecords(ITouchpointDb db)
{
    public const int MaxRecords = 20;

    public async Task<IReadOnlyList<RecordTitle>> HandleAsync(IReadOnlyList<RecordRef> records, CancellationToken ct = default)
    {
        records = [.. records.Take(MaxRecords)];
        var titles = new Dictionary<RecordRef, string>();
        foreach (var kind in records.Select(r => r.Kind).Distinct())
        {
            var nos = records.Where(r => r.Kind == kind).Select(r => r.No).ToList();
            var found = kind switch
            {
                RecordKind.Contact => await db.Contacts.AsNoTracking().Where(c => nos.Contains(c.No)).Select(c => new { c.No, Title = c.Name }).ToListAsync(ct),
                RecordKind.Opportunity => await db.Opportunities.AsNoTracking().Where(o => nos.Contains(o.No)).Select(o => new { o.No, Title = o.Description }).ToListAsync(ct),
                RecordKind.Segment => await db.SegmentHeaders.AsNoTracking().Where(s => nos.Contains(s.No)).Select(s => new { s.No, Title = s.Description }).ToListAsync(ct),
                RecordKind.Campaign => await db.Campaigns.AsNoTracking().Where(c => nos.Contains(c.No)).Select(c => new { c.No, Title = c.Description }).ToListAsync(ct),
                _ => [],
            };
            foreach (var row in found)
            {
                titles[new RecordRef(kind, row.No)] = string.IsNullOrWhiteSpace(row.Title) ? row.No : row.Title;
            }
        }
        return [.. records.Where(titles.ContainsKey).Select(r => new RecordTitle(r.Kind, r.No, titles[r]))];
    }
}
