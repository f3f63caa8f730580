using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

/// <summary>What a salesperson's history holds: the interaction log entries and campaign entries that name it.</summary>
public sealed record SalespersonHistory(int Interactions, int CampaignEntries)
{
    public bool Any => Interactions > 0 || CampaignEntries > 0;
}

/// <summary>
/// Deletes a salesperson nobody refers to. One still named on contacts, campaigns or opportunities is refused with
/// the count, so no code is left dangling; block it instead to keep the history readable. One with history
/// (interaction log entries, campaign entries, which keep its code) is deleted only by an administrator (403 for
/// others) who confirms it knowing how much history it touches (409 without the confirmation). Every deletion is in
/// the audit trail.
/// </summary>
public sealed class DeleteSalesperson(ITouchpointDb db, AuditTrail audit)
{
    public async Task<SalespersonHistory> CountHistoryAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        return new SalespersonHistory(await db.InteractionLogEntries.CountAsync(e => e.SalespersonCode == code, ct),
            await db.CampaignEntries.CountAsync(c => c.SalespersonCode == code, ct));
    }

    public async Task HandleAsync(string code, string userId, bool isAdmin, bool confirm, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var salesperson = await db.Salespeople.FirstOrDefaultAsync(s => s.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
        var uses = await db.Contacts.CountAsync(c => c.SalespersonCode == code, ct)
            + await db.Campaigns.CountAsync(c => c.SalespersonCode == code, ct)
            + await db.Opportunities.CountAsync(o => o.SalespersonCode == code, ct);
        if (uses > 0)
        {
            throw DomainException.Conflict(Messages.Get("SalespersonInUse", code, uses));
        }
        var history = await CountHistoryAsync(code, ct);
        if (history.Any && !isAdmin)
        {
            throw DomainException.Forbidden(Messages.Get("SalespersonWithHistoryAdminOnly", code, history.Interactions, history.CampaignEntries));
        }
        if (history.Any && !confirm)
        {
            throw DomainException.Conflict(Messages.Get("SalespersonWithHistoryConfirm", code, history.Interactions, history.CampaignEntries), "confirm");
        }
        db.Salespeople.Remove(salesperson);
        audit.Add(AuditActions.Delete, AuditEntities.Salesperson, code,
            AuditTrail.Describe(("name", salesperson.Name), ("interactions", history.Interactions), ("campaignEntries", history.CampaignEntries)), userId);
        await db.SaveChangesAsync(ct);
    }
}
