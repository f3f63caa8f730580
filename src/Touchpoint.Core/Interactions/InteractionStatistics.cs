using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed record InteractionStatisticsDto(int NoOfInteractions, decimal CostLcy, decimal DurationMin);

public sealed record ContactStatisticsDto(int NoOfInteractions, decimal CostLcy, decimal DurationMin, DateOnly? DateOfLastInteraction, DateOnly? LastDateAttempted);

public sealed record CampaignStatisticsDto(int TargetContactsContacted, int ContactsResponded, decimal CostLcy, decimal DurationMin);

/// <summary>
/// BC's FlowFields over the log (rules 7, 24, 26): only entries that are neither canceled nor postponed count, within
/// an optional date range. Aggregated in the database, never by loading entries: a contact's from its own entries (an
/// index on contact and date finds them), the others from <see cref="InteractionTotal"/>.
/// </summary>
public sealed class InteractionStatistics(ITouchpointDb db)
{
    private IQueryable<InteractionLogEntry> Counted(DateOnly? from, DateOnly? to)
    {
        CheckRange(from, to);
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
        return (await SumAsync(InteractionTotalKey.Template, code, from, to, ct)).ToStatistics();
    }

    public async Task<InteractionStatisticsDto> ForGroupAsync(string code, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.InteractionGroups.AnyAsync(g => g.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionGroupNotFound", code));
        }
        return (await SumAsync(InteractionTotalKey.Group, code, from, to, ct)).ToStatistics();
    }

    public async Task<InteractionStatisticsDto> ForSalespersonAsync(string code, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.Salespeople.AnyAsync(s => s.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
        }
        return (await SumAsync(InteractionTotalKey.Salesperson, code, from, to, ct)).ToStatistics();
    }

    public async Task<CampaignStatisticsDto> ForCampaignAsync(string no, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        if (!await db.Campaigns.AnyAsync(c => c.No == no, ct))
        {
            throw DomainException.NotFound(Messages.Get("CampaignNotFound", no));
        }
        var sum = await SumAsync(InteractionTotalKey.Campaign, no, from, to, ct);
        return new CampaignStatisticsDto((int)sum.CampaignTargets, (int)sum.CampaignResponses,
            InteractionTotals.FromHundredths(sum.CostLcyHundredths), InteractionTotals.FromHundredths(sum.DurationMinHundredths));
    }

    /// <summary>
    /// Template, group, salesperson and campaign statistics read the pre-summed day rows (BC's SIFT), not the log:
    /// at most one row per day however many entries the day has.
    /// </summary>
    private async Task<TotalsSum> SumAsync(InteractionTotalKey key, string code, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        CheckRange(from, to);
        var rows = db.InteractionTotals.AsNoTracking().Where(t => t.Key == key && t.Code == code);
        if (from is { } f)
        {
            rows = rows.Where(t => t.Date >= f);
        }
        if (to is { } t)
        {
            rows = rows.Where(r => r.Date <= t);
        }
        return await rows.GroupBy(r => 1)
            .Select(g => new TotalsSum(g.Sum(r => r.NoOfInteractions), g.Sum(r => (decimal)r.CostLcyHundredths), g.Sum(r => (decimal)r.DurationMinHundredths),
                g.Sum(r => r.CampaignTargets), g.Sum(r => r.CampaignResponses)))
            .FirstOrDefaultAsync(ct) ?? new TotalsSum(0, 0, 0, 0, 0);
    }

    private static void CheckRange(DateOnly? from, DateOnly? to)
    {
        if (from > to)
        {
            throw DomainException.Invalid("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
    }

    private sealed record TotalsSum(long NoOfInteractions, decimal CostLcyHundredths, decimal DurationMinHundredths, long CampaignTargets, long CampaignResponses)
    {
        public InteractionStatisticsDto ToStatistics() =>
            new((int)NoOfInteractions, InteractionTotals.FromHundredths(CostLcyHundredths), InteractionTotals.FromHundredths(DurationMinHundredths));
    }

    private static IQueryable<InteractionStatisticsDto> Totals(IQueryable<InteractionLogEntry> entries) =>
        entries.GroupBy(e => 1).Select(g => new InteractionStatisticsDto(g.Count(), g.Sum(e => e.CostLcy), g.Sum(e => e.DurationMin)));
}
