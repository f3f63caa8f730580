using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>Adds a contact to a segment: the line inherits the header (rule 40), then takes the values sent.</summary>
public sealed class AddSegmentLine(ITouchpointDb db, SegmentLanguages languages, ListSegmentLines read)
{
    public async Task<SegmentLineDto> HandleAsync(string segmentNo, SegmentLineFields fields, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var header = await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var contactNo = Codes.Normalize(fields.ContactNo.IsSet ? fields.ContactNo.Value : null);
        if (contactNo is null)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("FieldRequired", Messages.Field("contactNo")));
        }
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == contactNo, ct)
            ?? throw DomainException.Invalid("contactNo", Messages.Get("ContactNotFound", contactNo));
        if (contact.PrivacyBlocked)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("ContactPrivacyBlocked", contactNo));
        }
        if (await db.SegmentLines.AnyAsync(l => l.SegmentNo == segmentNo && l.ContactNo == contactNo, ct))
        {
            throw DomainException.Conflict(Messages.Get("SegmentContactExists", contactNo, segmentNo), "contactNo");
        }
        var headerTemplate = header.InteractionTemplateCode is { } templateCode
            ? await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == templateCode, ct)
            : null;
        // Rule 40: the header-level language for the contact's language, else the default's.
        var headerLanguages = await languages.At(segmentNo, SegmentInteractionLanguage.HeaderLevel).AsNoTracking()
            .Where(l => l.LanguageCode == contact.LanguageCode || l.LanguageCode == header.LanguageCodeDefault).ToListAsync(ct);
        var language = headerLanguages.Find(l => l.LanguageCode == contact.LanguageCode) ?? headerLanguages.Find(l => l.LanguageCode == header.LanguageCodeDefault);
        var lastLineNo = await db.SegmentLines.Where(l => l.SegmentNo == segmentNo).MaxAsync(l => (int?)l.LineNo, ct) ?? 0;
        var line = SegmentLine.Inherit(header, lastLineNo + SegmentLine.LineNoStep, contact, headerTemplate, language);

        var errors = new FieldErrors();
        var template = await SegmentLineRules.TemplateAsync(db, fields.InteractionTemplateCode, errors, ct);
        line.Apply(fields, template, header, contact, errors);
        var plan = await languages.PlanAsync(header, line, contact, template, line.InteractionTemplateCode != header.InteractionTemplateCode,
            fields.LanguageCode, errors, ct);
        await SegmentLineRules.CheckAsync(db, line, fields, errors, ct);
        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SegmentLines.Add(line);
        await languages.WriteAsync(plan, line, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await read.GetAsync(segmentNo, line.LineNo, ct);
    }
}
