using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Removes a segment language and its attachment. Rule 66: removing the header's default language moves the default
/// to the first one left; the inheriting lines in the removed language take their contact's language or the new
/// default. A line whose own language goes takes what it would inherit again.
/// </summary>
public sealed class RemoveSegmentLanguage(ITouchpointDb db, SegmentLanguages languages)
{
    public async Task HandleAsync(string segmentNo, int lineNo, string languageCode, CancellationToken ct = default)
    {
        var (header, line, language) = await languages.FindAsync(segmentNo, lineNo, languageCode, ct);
        var code = language.LanguageCode;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Which lines used it, before it goes: the inheriting ones are recognised by the languages they do not have.
        var users = await languages.LinesUsing(header, lineNo, code).Select(l => l.LineNo).ToListAsync(ct);
        db.SegmentInteractionLanguages.Remove(language);
        if (line is null && header.LanguageCodeDefault == code)
        {
            var next = await languages.At(header.No, SegmentInteractionLanguage.HeaderLevel).Where(l => l.LanguageCode != code)
                .Select(l => l.LanguageCode).ToListAsync(ct);
            header.UseDefaultLanguage(next.Order(StringComparer.Ordinal).FirstOrDefault());
        }
        await db.SaveChangesAsync(ct);
        if (users.Count > 0)
        {
            // Lines that inherit now (a line whose last own language went, too) take the header's again.
            await languages.FollowHeaderAsync(header, languages.Inheriting(header).Where(l => users.Contains(l.LineNo)), withSubject: false, ct);
            // A line with other languages of its own keeps its language, without the file.
            var no = header.No;
            await db.SegmentLines.Where(l => l.SegmentNo == no && users.Contains(l.LineNo) && l.LanguageCode == code
                    && db.SegmentInteractionLanguages.Any(s => s.SegmentNo == no && s.SegmentLineNo == l.LineNo))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.AttachmentNo, (long?)null), ct);
        }
        if (language.AttachmentNo is { } attachmentNo)
        {
            await languages.RemoveUnusedAsync([attachmentNo], ct);
        }
        await transaction.CommitAsync(ct);
    }
}
