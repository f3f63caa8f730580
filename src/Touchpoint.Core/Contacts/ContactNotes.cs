using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>
/// A contact's notes (BC's Rlshp. Mgt. Comment Lines of a contact, <see cref="ContactNote"/>): list, add, change and
/// delete, reached from the contact. Deleting one is in the audit trail, as every deletion is; a note dies with its
/// contact (<see cref="DeleteContact"/>, the foreign key's cascade).
/// </summary>
public sealed class ContactNotes(ITouchpointDb db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>The contact's notes, newest first (the order of the contact card's feed), keyset-paged.</summary>
    public async Task<Page<ContactNoteDto>> ListAsync(string contactNo, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1);
        var no = await EnsureContactAsync(contactNo, ct);
        var notes = db.ContactNotes.AsNoTracking().Where(n => n.ContactNo == no);
        if (after is not null)
        {
            var lineNo = Cursor.Long(after[0]);
            notes = notes.Where(n => n.LineNo < lineNo);
        }
        var rows = await notes.OrderByDescending(n => n.LineNo).Take(take + 1).ToListAsync(ct);
        return Paged.Of([.. rows.Select(n => n.ToDto())], take, n => [n.LineNo.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    public async Task<ContactNoteDto> GetAsync(string contactNo, long lineNo, CancellationToken ct = default) =>
        (await FindAsync(contactNo, lineNo, tracked: false, ct)).ToDto();

    public async Task<ContactNoteDto> AddAsync(string contactNo, string? comment, DateOnly? date, string userId, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var no = await EnsureContactAsync(contactNo, ct);
        var note = ContactNote.Create(no, comment, date, userId, clock.GetLocalNow(), errors);
        errors.ThrowIfAny();
        db.ContactNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note.ToDto();
    }

    public async Task<ContactNoteDto> UpdateAsync(string contactNo, long lineNo, Optional<string?> comment, Optional<DateOnly?> date,
        CancellationToken ct = default)
    {
        var note = await FindAsync(contactNo, lineNo, tracked: true, ct);
        var errors = new FieldErrors();
        note.Change(comment, date, clock.GetLocalNow(), errors);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return note.ToDto();
    }

    public async Task DeleteAsync(string contactNo, long lineNo, string userId, CancellationToken ct = default)
    {
        var note = await FindAsync(contactNo, lineNo, tracked: true, ct);
        db.ContactNotes.Remove(note);
        audit.Add(AuditActions.Delete, AuditEntities.ContactNote, $"{note.ContactNo}/{note.LineNo}",
            AuditTrail.Describe(("date", note.Date), ("comment", note.Comment.Length <= 200 ? note.Comment : note.Comment[..200] + "…"),
                ("userId", note.UserId)), userId);
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> EnsureContactAsync(string contactNo, CancellationToken ct)
    {
        var no = Codes.Normalize(contactNo) ?? "";
        if (!await db.Contacts.AnyAsync(c => c.No == no, ct))
        {
            throw DomainException.NotFound(Messages.Get("ContactNotFound", no));
        }
        return no;
    }

    private async Task<ContactNote> FindAsync(string contactNo, long lineNo, bool tracked, CancellationToken ct)
    {
        var no = await EnsureContactAsync(contactNo, ct);
        var notes = tracked ? db.ContactNotes : db.ContactNotes.AsNoTracking();
        return await notes.FirstOrDefaultAsync(n => n.ContactNo == no && n.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNoteNotFound", no, lineNo));
    }
}
