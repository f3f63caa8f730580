using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>The interaction languages of a segment's header (line no. 0) or of one line, with their attachments' names.</summary>
public sealed class ListSegmentLanguages(ITouchpointDb db, SegmentLanguages languages)
{
    public async Task<IReadOnlyList<SegmentInteractionLanguageDto>> HandleAsync(string segmentNo, int lineNo, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await languages.LevelAsync(segmentNo, lineNo, ct);
        // A segment has a handful of languages: ordered here, after the join.
        var rows = await Project(languages.At(segmentNo, lineNo)).ToListAsync(ct);
        return rows.OrderBy(l => l.LanguageCode, StringComparer.Ordinal).ToList();
    }

    public async Task<SegmentInteractionLanguageDto> GetAsync(string segmentNo, int lineNo, string languageCode, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        languageCode = Codes.Normalize(languageCode) ?? "";
        return await Project(languages.At(segmentNo, lineNo).Where(l => l.LanguageCode == languageCode)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(SegmentLanguages.NotFound(segmentNo, lineNo, languageCode));
    }

    private IQueryable<SegmentInteractionLanguageDto> Project(IQueryable<SegmentInteractionLanguage> rows) =>
        from l in rows.AsNoTracking()
        join a in db.Attachments on l.AttachmentNo equals a.No into attachment
        from a in attachment.DefaultIfEmpty()
        select new SegmentInteractionLanguageDto(l.LanguageCode, l.Description, l.Subject, l.AttachmentNo != null,
            a == null ? null : a.FileName, a == null ? null : a.Size);
}
