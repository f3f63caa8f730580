using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Adds an interaction language to a segment's header or to one line. Rule 66: the first header-level language
/// becomes the header's default and reaches every inheriting line; a later one reaches the inheriting lines whose
/// contact has that language. A line's own language (rule 40, "unique") starts with a copy of the file the line
/// would inherit in it, so giving one line its own letter never changes the others'.
/// </summary>
public sealed class AddSegmentLanguage(ITouchpointDb db, SegmentLanguages languages, AttachmentStore attachments, ListSegmentLanguages read)
{
    public async Task<SegmentInteractionLanguageDto> HandleAsync(string segmentNo, int lineNo, string? languageCode, Optional<string?> description,
        Optional<string?> subject, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var (header, line) = await languages.LevelAsync(segmentNo, lineNo, ct);
        var errors = new FieldErrors();
        var code = errors.MaxLength("languageCode", errors.Required("languageCode", Codes.Normalize(languageCode)), SegmentHeader.LanguageCodeLength);
        var text = description.IsSet ? errors.MaxLength("description", description.Value?.Trim(), SegmentHeader.DescriptionLength) : null;
        var subjectText = subject.IsSet ? errors.MaxLength("subject", subject.Value?.Trim(), SegmentHeader.SubjectLength) : null;
        errors.ThrowIfAny();
        if (await languages.At(segmentNo, lineNo).AnyAsync(l => l.LanguageCode == code, ct))
        {
            throw DomainException.Conflict(lineNo == SegmentInteractionLanguage.HeaderLevel
                ? Messages.Get("SegmentLanguageExists", segmentNo, code!)
                : Messages.Get("SegmentLineLanguageExists", segmentNo, code!, lineNo), "languageCode");
        }
        var templateCode = line?.InteractionTemplateCode ?? header.InteractionTemplateCode;
        var inherited = line is not null && line.InteractionTemplateCode == header.InteractionTemplateCode
            ? await languages.At(segmentNo, SegmentInteractionLanguage.HeaderLevel).AsNoTracking().FirstOrDefaultAsync(l => l.LanguageCode == code, ct)
            : null;
        if (string.IsNullOrEmpty(text))
        {
            text = inherited?.Description
                ?? await db.InteractionTemplateLanguages.Where(t => t.InteractionTemplateCode == templateCode && t.LanguageCode == code)
                    .Select(t => t.Description).FirstOrDefaultAsync(ct)
                ?? line?.Description ?? header.Description;
        }
        var first = line is null && !await languages.At(segmentNo, SegmentInteractionLanguage.HeaderLevel).AnyAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var copy = inherited?.AttachmentNo is { } inheritedNo ? await attachments.CopyAsync(inheritedNo, readOnly: false, ct) : null;
        await db.SaveChangesAsync(ct);
        var language = new SegmentInteractionLanguage(segmentNo, lineNo, code!, text, subjectText ?? line?.Subject ?? header.SubjectDefault, copy?.No);
        db.SegmentInteractionLanguages.Add(language);
        if (line is not null && line.LanguageCode == code)
        {
            line.UseLanguage(code, language.AttachmentNo, null);
        }
        if (first)
        {
            header.UseDefaultLanguage(code);
        }
        await db.SaveChangesAsync(ct);
        if (line is null)
        {
            var lines = languages.Inheriting(header);
            if (!first)
            {
                lines = lines.Where(l => db.Contacts.Any(c => c.No == l.ContactNo && c.LanguageCode == code));
            }
            await languages.FollowHeaderAsync(header, lines, withSubject: true, ct);
        }
        await transaction.CommitAsync(ct);
        return await read.GetAsync(segmentNo, lineNo, code!, ct);
    }
}
