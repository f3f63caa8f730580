using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core.Documents;

/// <summary>The check marks of BC's Contact Cover Sheet request page; each prints ticked or not on every sheet.</summary>
public sealed record CoverSheetMarks
{
    public bool ForYourInformation { get; init; }
    public bool PleaseCall { get; init; }
    public bool PleaseReply { get; init; }
    public bool AsRequested { get; init; }
    public bool PleaseReview { get; init; }
}

/// <summary>What to print: the contacts given, or every contact of a segment (one of the two), and the request page's options.</summary>
public sealed record CoverSheetRequest
{
    public IReadOnlyList<string>? ContactNos { get; init; }
    public string? SegmentNo { get; init; }
    public string? Remarks { get; init; }
    public CoverSheetMarks Marks { get; init; } = new();

    /// <summary>BC's "Log Interaction", on by default as there.</summary>
    public bool LogInteraction { get; init; } = true;
}

/// <summary>The printing company, as its sheets name it in their head.</summary>
public sealed record CoverSheetSender(string? Name, IReadOnlyList<string> AddressLines);

/// <summary>One sheet: its recipient's address block (BC's format address), the day, the contact's salesperson, the options.</summary>
public sealed record CoverSheetDto(
    string ContactNo,
    IReadOnlyList<string> AddressLines,
    DateOnly Date,
    string? SalespersonName,
    string? Remarks,
    CoverSheetMarks Marks,
    long? EntryNo);

/// <summary>The sheets to print, and what was logged: the template used and the entry of each sheet.</summary>
public sealed record CoverSheetsPrintedDto(CoverSheetSender Sender, IReadOnlyList<CoverSheetDto> Sheets, bool Logged, string? InteractionTemplateCode);

/// <summary>
/// BC's report Contact Cover Sheet (5055): a sheet per contact, and with "Log Interaction" one entry per contact (rule
/// 55: document type Cover Sheet, no document no.) with the template of the setup's Cover Sheets field, each through
/// <see cref="LogDocument"/>, all in one transaction. Where BC silently logs nothing without that template, the print is
/// refused with a message naming the field, so that the user fills it in or prints without logging.
/// The sender is the company of the configuration (<see cref="CompanyOptions"/>); Touchpoint keeps no company
/// information of its own.
/// </summary>
public sealed class PrintCoverSheets(ITouchpointDb db, LogDocument logDocument, TimeProvider clock, IOptions<CompanyOptions> company)
{
    /// <summary>More sheets than one print job of a browser holds comfortably; a larger segment is printed in parts.</summary>
    public const int MaxSheets = 1000;

    public const int RemarksLength = 1000;

    public async Task<CoverSheetsPrintedDto> HandleAsync(CoverSheetRequest request, string userId, CancellationToken ct = default)
    {
        var remarks = Validate(request);
        var contactNos = await ContactNosAsync(request, ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactNos.Contains(c.No))
            .LeftJoin(db.Salespeople, c => c.SalespersonCode, s => s.Code, (c, s) => new { Contact = c, Salesperson = s == null ? null : s.Name })
            .ToDictionaryAsync(r => r.Contact.No, ct);
        var missing = contactNos.Where(no => !contacts.ContainsKey(no)).ToList();
        if (missing.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var no in missing)
            {
                errors.Add("contactNos", Messages.Get("ContactNotFound", no));
            }
            errors.ThrowIfAny();
        }

        var templateCode = request.LogInteraction ? await TemplateAsync(ct) : null;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        if (templateCode is not null)
        {
            // All or nothing: a contact that cannot be logged leaves no entry for the others either.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var no in contactNos)
            {
                var logged = await logDocument.HandleAsync(new DocumentEvent { DocumentType = DocumentType.CoverSheet, ContactNo = no }, userId, null, ct);
                entries[no] = logged.EntryNo ?? throw DomainException.Conflict(Messages.Get("CoverSheetNotLogged", no));
            }
            await transaction.CommitAsync(ct);
        }

        var sheets = contactNos.Select(no => contacts[no]).Select(r => new CoverSheetDto(r.Contact.No, AddressLines(r.Contact), today,
            r.Salesperson, remarks, request.Marks, entries.TryGetValue(r.Contact.No, out var entryNo) ? entryNo : null)).ToList();
        return new CoverSheetsPrintedDto(Sender(), sheets, templateCode is not null, templateCode);
    }

    /// <summary>
    /// BC's format address for a contact: a person of a company is written under the company's name, then the street,
    /// the post code with the city, and the country.
    /// </summary>
    public static IReadOnlyList<string> AddressLines(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var company = contact.Type == ContactType.Person ? contact.CompanyName : null;
        return NonEmpty(company, contact.Name, contact.Address, PostCodeCity(contact.PostCode, contact.City), contact.CountryRegionCode);
    }

    private static string? Validate(CoverSheetRequest request)
    {
        var errors = new FieldErrors();
        var given = request.ContactNos?.Any(no => !string.IsNullOrWhiteSpace(no)) == true;
        if (given && !string.IsNullOrWhiteSpace(request.SegmentNo))
        {
            errors.Add("segmentNo", Messages.Get("CoverSheetContactsOrSegment"));
        }
        else if (!given && string.IsNullOrWhiteSpace(request.SegmentNo))
        {
            errors.Add("contactNos", Messages.Get("CoverSheetContactsRequired"));
        }
        var remarks = string.IsNullOrWhiteSpace(request.Remarks) ? null : request.Remarks.Trim();
        errors.MaxLength("remarks", remarks, RemarksLength);
        errors.ThrowIfAny();
        return remarks;
    }

    /// <summary>The contacts in the order given (or the segment's line order), each once.</summary>
    private async Task<List<string>> ContactNosAsync(CoverSheetRequest request, CancellationToken ct)
    {
        List<string> contactNos;
        if (Codes.Normalize(request.SegmentNo) is { } segmentNo)
        {
            if (!await db.SegmentHeaders.AnyAsync(s => s.No == segmentNo, ct))
            {
                throw DomainException.NotFound(Messages.Get("SegmentNotFound", segmentNo));
            }
            var count = await db.SegmentLines.Where(l => l.SegmentNo == segmentNo).Select(l => l.ContactNo).Distinct().CountAsync(ct);
            if (count == 0)
            {
                throw DomainException.Conflict(Messages.Get("SegmentEmpty", segmentNo), "segmentNo");
            }
            if (count > MaxSheets)
            {
                throw DomainException.Invalid("segmentNo", Messages.Get("CoverSheetTooMany", MaxSheets, count));
            }
            contactNos = await db.SegmentLines.AsNoTracking().Where(l => l.SegmentNo == segmentNo).OrderBy(l => l.LineNo)
                .Select(l => l.ContactNo).ToListAsync(ct);
            contactNos = contactNos.Distinct(StringComparer.Ordinal).ToList();
            return contactNos;
        }
        contactNos = request.ContactNos!.Select(Codes.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (contactNos.Count > MaxSheets)
        {
            throw DomainException.Invalid("contactNos", Messages.Get("CoverSheetTooMany", MaxSheets, contactNos.Count));
        }
        return contactNos;
    }

    /// <summary>The Cover Sheets template, checked before anything is logged; its absence refuses the print (never silent).</summary>
    private async Task<string> TemplateAsync(CancellationToken ct)
    {
        var setup = await db.InteractionTemplateSetup.AsNoTracking().FirstOrDefaultAsync(ct);
        var code = setup is null ? null : DocumentTypes.TemplateCode(setup, DocumentType.CoverSheet);
        if (code is null || !await db.InteractionTemplates.AnyAsync(t => t.Code == code, ct))
        {
            throw DomainException.Conflict(Messages.Get("CoverSheetNoTemplate"), "logInteraction");
        }
        return code;
    }

    private CoverSheetSender Sender()
    {
        var sender = company.Value;
        return new CoverSheetSender(Trimmed(sender.Name),
            NonEmpty(sender.Address, PostCodeCity(sender.PostCode, sender.City), sender.CountryRegionCode));
    }

    private static string? PostCodeCity(string? postCode, string? city) => Trimmed(string.Join(' ', new[] { postCode, city }.Select(Trimmed).OfType<string>()));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> NonEmpty(params string?[] lines) => lines.Select(Trimmed).OfType<string>().ToList();
}
