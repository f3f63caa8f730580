using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// What the Create Interaction wizard's content step (rule 22) offers for the line of step 1.
/// </summary>
/// <param name="Line">The line the wizard would log (rule 19's checks passed).</param>
/// <param name="WizardAction">The template's wizard action.</param>
/// <param name="FileName">The template's attachment in the line's language; none: the template has none in it.</param>
/// <param name="IsWordLetter">That attachment is a Word letter (.docx), merged for the contact.</param>
/// <param name="Choices">What the user may choose: Open (needs an attachment), Import (always), Merge (needs a Word letter).</param>
/// <param name="Choice">The choice preselected: the template's wizard action when it can be had, else Merge for a Word letter, Open for another file, else Import.</param>
public sealed record InteractionContentDto(
    InteractionLine Line,
    WizardAction WizardAction,
    string? FileName,
    bool IsWordLetter,
    IReadOnlyList<WizardAction> Choices,
    WizardAction Choice)
{
    /// <summary>
    /// Rule 18: the content step is skipped for a template without wizard action, unless it has a file to show in the
    /// line's language.
    /// </summary>
    public bool HasStep => WizardAction != WizardAction.None || FileName is not null;
}

/// <summary>How a letter is previewed: as the file it is (a Word letter merged, as a .docx), or as a PDF.</summary>
public enum LetterPreviewFormat
{
    File,
    Pdf,
}

/// <summary>A letter to show or download: its file name, content type and bytes.</summary>
public sealed record LetterPreviewDto(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The content step of the Create Interaction wizard (rule 22) for an interaction not logged yet: what it offers, and
/// the letter as it will be logged and sent: the template's attachment in the line's language, or the user's own
/// file (Import), a Word letter merged for the contact, the salesperson, the date and the description as delivery
/// merges it (rule 49; the entry no. is blank, there is none yet). As a PDF through LibreOffice (409 when it is not
/// installed), as hard copies are made.
/// </summary>
public sealed class PreviewInteractionLetter(ITouchpointDb db, CreateInteraction create, AttachmentStore attachments, WordLetterCache letters,
    HardCopyPdf pdf, IOptions<CompanyOptions> company)
{
    private const string PdfContentType = "application/pdf";

    /// <summary>What the content step offers for the request's line; BC's refusals of rule 19 as the wizard's finish has them.</summary>
    public async Task<InteractionContentDto> ContentAsync(CreateInteractionRequest request, CancellationToken ct = default)
    {
        var line = await create.BuildLineAsync(request with { Letter = null, Content = null }, ct);
        var wizardAction = await db.InteractionTemplates.AsNoTracking().Where(t => t.Code == line.InteractionTemplateCode)
            .Select(t => t.WizardAction).FirstAsync(ct);
        var file = line.AttachmentNo is { } no
            ? await db.Attachments.AsNoTracking().Where(a => a.No == no).Select(a => new { a.FileName, a.FileExtension }).FirstOrDefaultAsync(ct)
            : null;
        var word = file?.FileExtension == "docx";
        var choices = new List<WizardAction>(3);
        if (file is not null)
        {
            choices.Add(WizardAction.Open);
        }
        choices.Add(WizardAction.Import);
        if (word)
        {
            choices.Add(WizardAction.Merge);
        }
        var choice = choices.Contains(wizardAction) ? wizardAction
            : word ? WizardAction.Merge
            : file is not null ? WizardAction.Open
            : WizardAction.Import;
        return new InteractionContentDto(line, wizardAction, file?.FileName, word, choices, choice);
    }

    /// <summary>
    /// The letter the request would log, merged for its contact: 400 "No attachment found" (rule 22) when there is
    /// none; as a PDF, 409 when LibreOffice is not installed or fails, and 415 for a file that is neither a Word letter
    /// nor a PDF.
    /// </summary>
    public async Task<LetterPreviewDto> HandleAsync(CreateInteractionRequest request, LetterPreviewFormat format, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var line = await create.BuildLineAsync(request with { Content = null }, ct);
        var (name, extension, contentType, content, letter) = await FileAsync(request.Letter, line, ct);
        if (letter is not null)
        {
            var contact = await db.Contacts.AsNoTracking().FirstAsync(c => c.No == line.ContactNo, ct);
            var salesperson = await db.Salespeople.AsNoTracking().FirstOrDefaultAsync(s => s.Code == line.SalespersonCode, ct);
            var values = MergeValues.For(new MergeEntry(0, line.Date, line.Description, line.Subject, line.LanguageCode), contact, salesperson, company.Value);
            // No entry no. before the entry is logged: blank, not 0.
            content = letter.Merge(new MergeValues(MergeValues.Names.Select(n =>
                KeyValuePair.Create(n, n == MergeValues.EntryNo ? null : (string?)values[n]))));
            contentType = AttachmentStore.WordContentType;
        }
        if (format == LetterPreviewFormat.File)
        {
            return new LetterPreviewDto(name, contentType, content);
        }
        var pdfName = Path.ChangeExtension(name, ".pdf");
        if (extension == "pdf")
        {
            return new LetterPreviewDto(name, PdfContentType, content);
        }
        if (letter is null)
        {
            throw new DomainException(DomainErrorKind.Unsupported, Messages.Get("LetterPreviewNotPossible", name));
        }
        try
        {
            return new LetterPreviewDto(pdfName, PdfContentType, await pdf.ToPdfAsync([content], ct));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or InvalidDataException or XmlException)
        {
            throw DomainException.Conflict(Messages.Get("LetterPdfFailed", name));
        }
    }

    /// <summary>
    /// Rule 22, Import: the user's file checked as every upload is (400, 413 or 415 at "file"), when it is chosen
    /// rather than at the finish; a Word letter's merge fields.
    /// </summary>
    public LetterFieldsDto CheckLetter(OwnLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return attachments.Check(letter.FileName, letter.Content).Fields;
    }

    /// <summary>Whether a file of this name can be shown as a PDF: a Word letter (through LibreOffice) or a PDF itself.</summary>
    public static bool ShowsAsPdf(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() is ".docx" or ".pdf";

    /// <summary>The user's own file (checked as every upload is), else the line's attachment; a Word letter opened.</summary>
    private async Task<CheckedFile> FileAsync(OwnLetter? own, InteractionLine line, CancellationToken ct)
    {
        if (own is not null)
        {
            return attachments.Check(own.FileName, own.Content);
        }
        if (line.AttachmentNo is not { } no)
        {
            // Rule 22: Open needs an attachment.
            throw DomainException.Invalid("interactionTemplateCode", Messages.Get("NoAttachmentFound"));
        }
        var (attachment, content) = await attachments.ReadAsync(no, ct);
        var letter = attachment.IsWordDocument
            ? await letters.GetAsync(attachment.ContentHash, attachment.FileName, _ => Task.FromResult(content), ct)
            : null;
        return new CheckedFile(attachment.FileName, attachment.FileExtension, attachment.ContentType, content, letter);
    }
}
