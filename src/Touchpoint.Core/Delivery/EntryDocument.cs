using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>How an entry's letter is handed out: the merged Word letter as it is, or as a PDF made from it.</summary>
public enum LetterFormat
{
    Pdf,
    Docx,
}

/// <summary>A file for the user to open, save or print.</summary>
public sealed record LetterFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// One entry's letter (rule 49): merged for the entry's contact, salesperson and the sender company. <see cref="PreviewAsync"/>
/// only shows it; <see cref="PrintAsync"/> is the hard copy, and an entry waiting in the delivery sorter to be printed
/// is delivered by it (rule 48: merged → Delivery Status blank).
/// </summary>
public sealed class EntryDocument(ITouchpointDb db, EntryLetters letters, HardCopyPdf pdf, TimeProvider clock)
{
    public const string PdfContentType = "application/pdf";

    /// <summary>The entry's Word letter merged, as .docx or PDF; 404 without an entry or attachment, 409 when it is not a Word letter.</summary>
    public async Task<LetterFile> PreviewAsync(long entryNo, LetterFormat format, CancellationToken ct = default)
    {
        var letter = await WordLetterAsync(entryNo, ct);
        return format == LetterFormat.Docx
            ? new LetterFile(FileName(letter, ".docx"), letter.ContentType, letter.Content)
            : new LetterFile(FileName(letter, ".pdf"), PdfContentType, await pdf.ToPdfAsync([letter.Content], ct));
    }

    /// <summary>
    /// The hard copy: the merged letter as a PDF to print. With <paramref name="markPrinted"/> (a user who may log
    /// interactions), a hard copy waiting to be printed is then delivered; a viewer only gets the PDF.
    /// </summary>
    public async Task<LetterFile> PrintAsync(long entryNo, bool markPrinted, CancellationToken ct = default)
    {
        var letter = await WordLetterAsync(entryNo, ct);
        var file = new LetterFile(FileName(letter, ".pdf"), PdfContentType, await pdf.ToPdfAsync([letter.Content], ct));
        if (markPrinted)
        {
            await HardCopiesPrinted.MarkAsync(db, [entryNo], clock.GetUtcNow(), ct);
        }
        return file;
    }

    private async Task<EntryLetter> WordLetterAsync(long entryNo, CancellationToken ct)
    {
        var letter = await letters.ForEntryAsync(entryNo, ct);
        return letter.Merged ? letter : throw DomainException.Conflict(Messages.Get("EntryLetterNotWord", entryNo));
    }

    // BC names the download after the subject; here the entry's number is added, so that letters saved together do not overwrite each other.
    private static string FileName(EntryLetter letter, string extension) =>
        $"{letter.EntryNo} {Path.GetFileNameWithoutExtension(letter.FileName)}{extension}";
}

/// <summary>Hard copies that were printed: the entries waiting in the delivery sorter to be printed are delivered.</summary>
internal static class HardCopiesPrinted
{
    private const int PerStatement = 5000;

    public static async Task MarkAsync(ITouchpointDb db, IReadOnlyCollection<long> printed, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in printed.Chunk(PerStatement))
        {
            var waiting = db.DeliverySorter.Where(d => chunk.Contains(d.EntryNo) && d.CorrespondenceType == CorrespondenceType.HardCopy);
            await db.InteractionLogEntries.Where(e => waiting.Any(d => d.EntryNo == e.EntryNo)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.DeliveryStatus, DeliveryStatus.None)
                .SetProperty(e => e.DeliveredAt, now)
                .SetProperty(e => e.DeliveryError, (string?)null), ct);
            await waiting.ExecuteDeleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
