using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Uploads, replaces, removes and downloads the attachment of a segment language, as for a template language
/// (rule 5: an existing file is replaced only when the caller says so, and never a read-only one). The lines that use
/// the language take the new file at once (rule 40): a header-level file reaches the lines that inherit it, a line's
/// own file that line only. A Word document is opened as a letter before it is stored, and the answer names its
/// merge fields (rule 49).
/// </summary>
public sealed class SetSegmentLanguageAttachment(ITouchpointDb db, SegmentLanguages languages, AttachmentStore attachments, ListSegmentLanguages read)
{
    public async Task<UploadedSegmentLanguageDto> HandleAsync(string segmentNo, int lineNo, string languageCode, string? fileName,
        byte[] content, bool replace, CancellationToken ct = default)
    {
        var (header, _, language) = await languages.FindAsync(segmentNo, lineNo, languageCode, ct);
        // A file that is refused anyway is told so (400, 413, 415), not asked about replacing (409).
        var file = attachments.Check(fileName, content);
        await attachments.CheckReplaceableAsync(language.AttachmentNo, replace, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var attachment = await attachments.AddAsync(file, ct);
        await db.SaveChangesAsync(ct);
        await UseAsync(header, lineNo, language, attachment.No, ct);
        await transaction.CommitAsync(ct);
        return new UploadedSegmentLanguageDto(await read.GetAsync(header.No, lineNo, language.LanguageCode, ct), file.Fields);
    }

    public async Task RemoveAsync(string segmentNo, int lineNo, string languageCode, CancellationToken ct = default)
    {
        var (header, _, language) = await languages.FindAsync(segmentNo, lineNo, languageCode, ct);
        if (language.AttachmentNo is null)
        {
            throw DomainException.NotFound(Messages.Get("SegmentLanguageHasNoAttachment", header.No, language.LanguageCode));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UseAsync(header, lineNo, language, null, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<(Attachment Attachment, byte[] Content)> ReadAsync(string segmentNo, int lineNo, string languageCode, CancellationToken ct = default)
    {
        var (header, _, language) = await languages.FindAsync(segmentNo, lineNo, languageCode, ct);
        if (language.AttachmentNo is not { } no)
        {
            throw DomainException.NotFound(Messages.Get("SegmentLanguageHasNoAttachment", header.No, language.LanguageCode));
        }
        return await attachments.ReadAsync(no, ct);
    }

    /// <summary>The language and the lines that use it take the file (or none); the old file goes.</summary>
    private async Task UseAsync(SegmentHeader header, int lineNo, SegmentInteractionLanguage language, long? attachmentNo, CancellationToken ct)
    {
        var users = languages.LinesUsing(header, lineNo, language.LanguageCode);
        await users.ExecuteUpdateAsync(set => set.SetProperty(l => l.AttachmentNo, attachmentNo), ct);
        var old = language.AttachmentNo;
        language.SetAttachment(attachmentNo);
        await db.SaveChangesAsync(ct);
        if (old is { } oldNo)
        {
            await languages.RemoveUnusedAsync([oldNo], ct);
        }
    }
}
