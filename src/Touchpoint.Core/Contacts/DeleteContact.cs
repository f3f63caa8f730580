using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>
/// Deletes a contact with its business relations and notes. Refused (409) while persons belong to the company or
/// opportunities or segment lines name the contact. Its interaction log entries stay (rule 36), but they lose their
/// contact: a contact with history is deleted only by an administrator (403 for others) who confirms it knowing how
/// many entries it touches (409 without the confirmation). Every deletion is in the audit trail.
/// </summary>
public sealed class DeleteContact(ITouchpointDb db, AuditTrail audit)
{
    /// <summary>How many interaction log entries (postponed ones too) name the contact, as contact or as company.</summary>
    public async Task<int> CountHistoryAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        return await db.InteractionLogEntries.CountAsync(e => e.ContactNo == no || e.ContactCompanyNo == no, ct);
    }

    public async Task HandleAsync(string no, string userId, bool isAdmin, bool confirm, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNotFound", no));
        if (contact.Type == ContactType.Company)
        {
            var persons = await db.Contacts.CountAsync(c => c.CompanyNo == no && c.No != no, ct);
            if (persons > 0)
            {
                throw DomainException.Conflict(Messages.Get("CompanyHasPersons", no, persons));
            }
        }
        var opportunities = await db.Opportunities.CountAsync(o => o.ContactNo == no || o.ContactCompanyNo == no, ct);
        if (opportunities > 0)
        {
            throw DomainException.Conflict(Messages.Get("ContactHasOpportunities", no, opportunities));
        }
        // Rule 36: a contact in a segment waits for the segment to be logged or its line removed.
        var segment = await db.SegmentLines.Where(l => l.ContactNo == no).Select(l => l.SegmentNo).FirstOrDefaultAsync(ct);
        if (segment is not null)
        {
            throw DomainException.Conflict(Messages.Get("ContactInSegment", no, segment));
        }
        var history = await CountHistoryAsync(no, ct);
        if (history > 0 && !isAdmin)
        {
            throw DomainException.Forbidden(Messages.Get("ContactWithHistoryAdminOnly", no, history));
        }
        if (history > 0 && !confirm)
        {
            throw DomainException.Conflict(Messages.Get("ContactWithHistoryConfirm", no, history), "confirm");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ContactBusinessRelations.Where(r => r.ContactNo == no).ExecuteDeleteAsync(ct);
        // The notes are the contact's own (no history rule keeps them): they go with it, counted in its audit line.
        var notes = await db.ContactNotes.Where(n => n.ContactNo == no).ExecuteDeleteAsync(ct);
        // Rule 36: the history stays. A person's entries move to its company; a company's lose their contact.
        if (contact.Type == ContactType.Person && contact.CompanyNo is { } companyNo)
        {
            await db.InteractionLogEntries.Where(e => e.ContactNo == no)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactNo, companyNo), ct);
        }
        else
        {
            await db.InteractionLogEntries.Where(e => e.ContactNo == no || e.ContactCompanyNo == no)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactNo, "").SetProperty(e => e.ContactCompanyNo, (string?)null), ct);
        }
        db.Contacts.Remove(contact);
        audit.Add(AuditActions.Delete, AuditEntities.Contact, no, AuditTrail.Describe(("name", contact.Name), ("interactions", history), ("notes", notes == 0 ? null : (int?)notes)), userId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
