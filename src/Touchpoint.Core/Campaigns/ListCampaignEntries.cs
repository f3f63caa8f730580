using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Campaigns;

/// <summary>
/// A campaign entry with BC's FlowFields (rule 1.13): the count, cost and duration of its interaction log entries whose
/// Canceled equals its own (postponed entries count in nothing, rule 26).
/// </summary>
public sealed record CampaignEntryDto(long EntryNo, string CampaignNo, string Description, DateOnly Date, string UserId, string? SegmentNo,
    string? SalespersonCode, bool Canceled, int NoOfInteractions, decimal CostLcy, decimal DurationMin);

/// <summary>
/// BC page 5088 Campaign Entries: a campaign's entries, newest first, keyset-paged. The FlowFields are aggregates over
/// the log's campaign entry index, which holds Canceled, Postponed, cost and duration, so they are summed from the index
/// alone however many entries a campaign entry groups; no entry is loaded.
/// </summary>
public sealed class ListCampaignEntries(ITouchpointDb db)
{
    public async Task<Page<CampaignEntryDto>> HandleAsync(string? campaignNo, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var query = db.CampaignEntries.AsNoTracking();
        if (await CampaignAsync(campaignNo, ct) is { } campaign)
        {
            query = query.Where(c => c.CampaignNo == campaign);
        }
        if (Cursor.Decode(cursor, 1)?[0] is { } after)
        {
            var afterNo = Cursor.Long(after);
            query = query.Where(c => c.EntryNo < afterNo);
        }
        var rows = await Project(query.OrderByDescending(c => c.EntryNo).Take(take + 1)).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.EntryNo.ToString(CultureInfo.InvariantCulture)]);
    }

    public async Task<CampaignEntryDto> GetAsync(long entryNo, CancellationToken ct = default) =>
        await Project(db.CampaignEntries.AsNoTracking().Where(c => c.EntryNo == entryNo)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("CampaignEntryNotFound", entryNo));

    /// <summary>How many canceled entries the campaign has: what "Delete canceled entries" would delete.</summary>
    public async Task<int> CountCanceledAsync(string? campaignNo, CancellationToken ct = default)
    {
        var campaign = await CampaignAsync(campaignNo, ct) ?? throw RequiredCampaign();
        return await db.CampaignEntries.CountAsync(c => c.CampaignNo == campaign && c.Canceled, ct);
    }

    /// <summary>The campaign filter: too long is a 400 at the field, an unknown campaign a 404, none at all null.</summary>
    internal async Task<string?> CampaignAsync(string? campaignNo, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var no = errors.MaxLength("campaignNo", Codes.Normalize(campaignNo), Campaign.NoLength);
        errors.ThrowIfAny();
        if (no is not null && !await db.Campaigns.AnyAsync(c => c.No == no, ct))
        {
            throw DomainException.NotFound(Messages.Get("CampaignNotFound", no));
        }
        return no;
    }

    internal static DomainException RequiredCampaign() =>
        DomainException.Invalid("campaignNo", Messages.Get("FieldRequired", Messages.Field("campaignNo")));

    private IQueryable<CampaignEntryDto> Project(IQueryable<CampaignEntry> query) =>
        query.Select(c => new CampaignEntryDto(c.EntryNo, c.CampaignNo, c.Description, c.Date, c.UserId, c.SegmentNo, c.SalespersonCode,
            c.Canceled,
            db.InteractionLogEntries.Count(e => e.CampaignEntryNo == c.EntryNo && e.Canceled == c.Canceled && !e.Postponed),
            db.InteractionLogEntries.Where(e => e.CampaignEntryNo == c.EntryNo && e.Canceled == c.Canceled && !e.Postponed).Sum(e => e.CostLcy),
            db.InteractionLogEntries.Where(e => e.CampaignEntryNo == c.EntryNo && e.Canceled == c.Canceled && !e.Postponed).Sum(e => e.DurationMin)));
}
