using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// A logged segment's hard copies as one PDF to print (rule 49; BC downloads a zip of PDFs): every hard-copy entry of
/// the logged segment with a Word letter, merged for its contact, in line order (the order its entries were logged),
/// each letter starting on a new page. Canceled entries are left out. The hard copies waiting to be printed are then
/// delivered; printing again gives the same letters.
/// </summary>
public sealed class PrintLoggedSegment(ITouchpointDb db, EntryLetters letters, HardCopyPdf pdf, TimeProvider clock)
{
    /// <summary>Letters merged at once: a thousand merged letters are a few tens of MB.</summary>
    private const int LettersPerRead = 1000;

    /// <summary>The PDF; with <paramref name="markPrinted"/> (a user who may log interactions) the waiting hard copies are delivered.</summary>
    public async Task<LetterFile> HandleAsync(long loggedSegmentEntryNo, bool markPrinted, CancellationToken ct = default)
    {
        var segmentNo = await db.LoggedSegments.AsNoTracking().Where(l => l.EntryNo == loggedSegmentEntryNo).Select(l => l.SegmentNo)
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", loggedSegmentEntryNo));
        // A hard copy: logged as one, or an e-mail resent as one (rule 50), which waits in the delivery sorter.
        var entryNos = await db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.LoggedSegmentEntryNo == loggedSegmentEntryNo && !e.Canceled && e.AttachmentNo != null
                && (e.CorrespondenceType == CorrespondenceType.HardCopy
                    || db.DeliverySorter.Any(d => d.EntryNo == e.EntryNo && d.CorrespondenceType == CorrespondenceType.HardCopy)))
            .OrderBy(e => e.EntryNo).Select(e => e.EntryNo).ToListAsync(ct);
        var merged = new List<byte[]>(entryNos.Count);
        var printed = new List<long>(entryNos.Count);
        foreach (var chunk in entryNos.Chunk(LettersPerRead))
        {
            foreach (var item in await letters.ForEntriesAsync(chunk, ct))
            {
                // Only Word letters are merged; any other file is printed from the entry's attachment as it is.
                if (item.Letter is { Merged: true } letter)
                {
                    merged.Add(letter.Content);
                    printed.Add(item.Entry.EntryNo);
                }
            }
        }
        if (merged.Count == 0)
        {
            throw DomainException.Conflict(Messages.Get("LoggedSegmentNothingToPrint", loggedSegmentEntryNo));
        }
        var file = new LetterFile($"{segmentNo} {loggedSegmentEntryNo}.pdf", EntryDocument.PdfContentType, await pdf.ToPdfAsync(merged, ct));
        if (markPrinted)
        {
            await HardCopiesPrinted.MarkAsync(db, printed, clock.GetUtcNow(), ct);
        }
        return file;
    }
}
