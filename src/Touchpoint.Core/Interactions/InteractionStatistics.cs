using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed record InteractionStatisticsDto(int NoOfInteractions, decimal CostLcy, decimal DurationMin);

public sealed record ContactStatisticsDto(int NoOfInteractions, decimal CostLcy, decimal DurationMin, DateOnly? DateOfLastInteraction, DateOnly? LastDateAttempted);

public sealed record CampaignStatisticsDto(int TargetContactsContacted, int ContactsResponded, decimal CostLcy, decimal DurationMin);

/// <summary>
/// BC's FlowFields over the log (rules 7, 24, 26): only entries that are neither canceled nor postponed count, within
/// an optional date range. Aggregated in the database, never by loading entries.
/// </summary>
public sealed class InteractionStatistics(ITouchpointDb db)
{
    private IQueryable<InteractionLogEntry> Counted(DateOnly? from, DateOnly? to)
    {
        if (from > to)
        {
            throw DomainException.Invalid("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
        var entries = db.InteractionLogEntries.AsNoTracking().Where(e => !e.Canceled && !e.Postponed);
        if (from is { } f)
        {
            entries = entries.Where(e => e.Date >= f);
        }
        if (to is { } t)
        {
            entries = entries.Where(e => e.Date <= t);
        }
        return entries;
    }

    /// <summary>A company's statistics cover the company and its persons (BC filters on Contact Company No.).</summary>
    public async Task<ContactStatisticsDto> ForContactAsync(string contactNo, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        contactNo = Codes.Normalize(contactNo) ?? "";
        var contact = await db.Contacts.AsNoTracking().Where(c => c.No == contactNo).Select(c => new { c.Type }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNotFound", contactNo));
        var entries = contact.Type == Contacts.ContactType.Company
            ? Counted(from, to).Where(e => e.ContactCompanyNo == contactNo)
            : Counted(from, to).Where(e => e.ContactNo == contactNo);
        var totals = await Totals(entries).FirstOrDefaultAsync(ct);
        // Rule 24: failed attempts count, and in Last Date Attempted, but not in Date of Last Interaction.
        var lastInteraction = await entries.Where(e => !e.AttemptFailed).MaxAsync(e => (DateOnly?)e.Date, ct);
        var lastAttempted = await entries.Where(e => e.InitiatedBy == InitiatedBy.Us).MaxAsync(e => (DateOnly?)e.Date, ct);
        return new ContactStatisticsDto(totals?.NoOfInteractions ?? 0, totals?.CostLcy ?? 0, totals?.DurationMin ?? 0, lastInteraction, lastAttempted);
    }

    public async Task<InteractionStatisticsDto> ForTemplateAsync(string code, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.InteractionTemplates.AnyAsync(t => t.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", code));
        }
        return await Totals(Counted(from, to).Where(e => e.InteractionTemplateCode == code)).FirstOrDefaultAsync(ct) ?? new(0, 0, 0);
    }

    public async Task<InteractionStatisticsDto> ForGroupAsync(string code, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.InteractionGroups.AnyAsync(g => g.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionGroupNotFound", code));
        }
        return await Totals(Counted(from, to).Where(e => e.InteractionGroupCode == code)).FirstOrDefaultAsync(ct) ?? new(0, 0, 0);
    }

    public async Task<InteractionStatisticsDto> ForSalespersonAsync(string code, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.Salespeople.AnyAsync(s => s.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
        }
        return await Totals(Counted(from, to).Where(e => e.SalespersonCode == code)).FirstOrDefaultAsync(ct) ?? new(0, 0, 0);
    }

    public async Task<CampaignStatisticsDto> ForCampaignAsync(string no, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        if (!await db.Campaigns.AnyAsync(c => c.No == no, ct))
        {
            throw DomainException.NotFound(Messages.Get("CampaignNotFound", no));
        }
        var totals = await Counted(from, to).Where(e => e.CampaignNo == no).GroupBy(e => 1)
            .Select(g => new CampaignStatisticsDto(g.Count(e => e.CampaignTarget), g.Count(e => e.CampaignResponse), g.Sum(e => e.CostLcy), g.Sum(e => e.DurationMin)))
            .FirstOrDefaultAsync(ct);
        return totals ?? new(0, 0, 0, 0);
    }

    private static IQueryable<InteractionStatisticsDto> Totals(IQueryable<InteractionLogEntry> entries) =>
        entries.GroupBy(e => 1).Select(g => new InteractionStatisticsDto(g.Count(), g.Sum(e => e.CostLcy), g.Sum(e => e.DurationMin)));
}
