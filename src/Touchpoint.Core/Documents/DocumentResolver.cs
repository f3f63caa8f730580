using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Documents;

/// <summary>
/// What a document event becomes: its entry's line; or why nothing is logged, "noTemplate" (rule 51) or "noContact"
/// (rule 54); or the refusals of rule 46 (a salesperson or campaign named that does not exist).
/// </summary>
internal sealed record DocumentResolution(InteractionLine? Line, string? Reason, IReadOnlyList<(string Field, string Message)> Refusals)
{
    public static DocumentResolution NotLogged(string reason) => new(null, reason, []);
}

/// <summary>
/// Rules 51, 54, 55 and 46 for document events, in batches: the one place that turns an event into its entry's line.
/// POST /documentEvents hands it the events of the moment (through the log queue), the import 20,000 lines at a time.
/// For a batch it reads what the events name and it has not read yet (the setup's templates, once; contacts; each
/// customer's or vendor's business relations; salespeople; campaigns), one query per kind, then resolves every event
/// from memory. An import keeps one resolver for the whole file, so each code is read once.
/// </summary>
internal sealed class DocumentResolver(ITouchpointDb db)
{
    private Dictionary<DocumentType, InteractionTemplate?>? _templates;
    private readonly Dictionary<string, DocumentContact?> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentContact?> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentContact?> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _salespeople = new(StringComparer.Ordinal);

    /// <summary>What of the contact an entry of a document takes.</summary>
    internal readonly record struct DocumentContact(string No, string? CompanyNo, string? SalespersonCode);

    /// <summary>Reads what the events refer to, for <see cref="Resolve"/>.</summary>
    public async Task ReadAsync(IReadOnlyCollection<DocumentEvent> events, CancellationToken ct)
    {
        _templates ??= await TemplatesAsync(ct);
        await ContactsAsync(events, ct);
        // Rule 46: the campaigns named on the events or their templates, and the salespeople named (none is required).
        await ExistAsync(db.Campaigns.Select(c => c.No),
            events.Select(e => Codes.Normalize(e.CampaignNo)).Concat(_templates.Values.Select(t => t?.CampaignNo)), _campaigns, ct);
        await ExistAsync(db.Salespeople.Select(s => s.Code), events.Select(e => Codes.Normalize(e.SalespersonCode)), _salespeople, ct);
    }

    /// <summary>
    /// One event, validated (<see cref="LogDocument.Validate(DocumentEvent, FieldErrors)"/>) and read for
    /// (<see cref="ReadAsync"/>): its line, why it is not logged, or its refusals.
    /// </summary>
    public DocumentResolution Resolve(DocumentEvent e, DocumentType type, string? documentNo, DateTimeOffset now)
    {
        // Rule 51: no template in the setup, nothing logged, and the answer says so.
        if (_templates![type] is not { } template)
        {
            return DocumentResolution.NotLogged(DocumentLoggedDto.NoTemplate);
        }
        // Rule 54: the contact given, or the customer's or vendor's first business relation.
        var contact = Codes.Normalize(e.ContactNo) is { } contactNo ? _contacts[contactNo]
            : Codes.Normalize(e.CustomerNo) is { } customerNo ? _customers[customerNo]
            : _vendors[Codes.Normalize(e.VendorNo)!];
        if (contact is not { } found)
        {
            return DocumentResolution.NotLogged(DocumentLoggedDto.NoContact);
        }
        var line = LogDocument.ToInteractionLine(e, type, documentNo, template, found, now);
        // Rule 46 for a document: the contact and the template were just resolved and no salesperson is required, so only
        // a salesperson named on the event and the campaign are left to check.
        var refusals = new List<(string, string)>();
        if (Codes.Normalize(e.SalespersonCode) is { } salesperson && !_salespeople[salesperson])
        {
            refusals.Add(("salespersonCode", Messages.Get("SalespersonNotFound", salesperson)));
        }
        if (line.CampaignNo is { } campaign && !_campaigns[campaign])
        {
            refusals.Add(("campaignNo", Messages.Get("CampaignNotFound", campaign)));
        }
        return refusals.Count > 0 ? new DocumentResolution(null, null, refusals) : new DocumentResolution(line, null, []);
    }

    /// <summary>Rule 51's look-up: each document type's template in the setup, null when none.</summary>
    private async Task<Dictionary<DocumentType, InteractionTemplate?>> TemplatesAsync(CancellationToken ct)
    {
        var setup = await db.InteractionTemplateSetup.AsNoTracking().Where(s => s.Id == InteractionTemplateSetup.SingletonId).FirstOrDefaultAsync(ct);
        var codes = DocumentTypes.All.ToDictionary(t => t, t => setup is null ? null : DocumentTypes.TemplateCode(setup, t));
        var named = codes.Values.OfType<string>().Distinct().ToList();
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => named.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        return codes.ToDictionary(c => c.Key, c => c.Value is { } code ? templates.GetValueOrDefault(code) : null);
    }

    /// <summary>Rule 54 in bulk: the contacts named, and each customer's or vendor's first business relation by contact no.</summary>
    private async Task ContactsAsync(IReadOnlyCollection<DocumentEvent> events, CancellationToken ct)
    {
        var contactNos = New(events.Select(e => Codes.Normalize(e.ContactNo)), _contacts);
        if (contactNos.Count > 0)
        {
            var found = await db.Contacts.AsNoTracking().Where(c => contactNos.Contains(c.No))
                .Select(c => new DocumentContact(c.No, c.CompanyNo, c.SalespersonCode)).ToListAsync(ct);
            foreach (var no in contactNos)
            {
                _contacts[no] = null;
            }
            foreach (var contact in found)
            {
                _contacts[contact.No] = contact;
            }
        }
        var withoutContact = events.Where(e => Codes.Normalize(e.ContactNo) is null).ToList();
        await RelationsAsync(LinkToTable.Customer, New(withoutContact.Select(e => Codes.Normalize(e.CustomerNo)), _customers), _customers, ct);
        await RelationsAsync(LinkToTable.Vendor,
            New(withoutContact.Where(e => Codes.Normalize(e.CustomerNo) is null).Select(e => Codes.Normalize(e.VendorNo)), _vendors), _vendors, ct);
    }

    private async Task RelationsAsync(LinkToTable table, List<string> linkNos, Dictionary<string, DocumentContact?> known, CancellationToken ct)
    {
        if (linkNos.Count == 0)
        {
            return;
        }
        var found = await db.ContactBusinessRelations.AsNoTracking().Where(r => r.LinkToTable == table && linkNos.Contains(r.LinkNo))
            .Join(db.Contacts, r => r.ContactNo, c => c.No, (r, c) => new { r.LinkNo, Contact = new DocumentContact(c.No, c.CompanyNo, c.SalespersonCode) })
            .ToListAsync(ct);
        foreach (var no in linkNos)
        {
            known[no] = null;
        }
        foreach (var relation in found)
        {
            // BC takes the first business relation by contact no.
            if (known[relation.LinkNo] is not { } earlier || string.CompareOrdinal(relation.Contact.No, earlier.No) < 0)
            {
                known[relation.LinkNo] = relation.Contact;
            }
        }
    }

    /// <summary>Notes for each code not seen before whether the table holds it, in one query.</summary>
    private static async Task ExistAsync(IQueryable<string> table, IEnumerable<string?> named, Dictionary<string, bool> known, CancellationToken ct)
    {
        var codes = New(named, known);
        if (codes.Count == 0)
        {
            return;
        }
        var found = (await table.Where(c => codes.Contains(c)).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            known[code] = found.Contains(code);
        }
    }

    private static List<string> New<T>(IEnumerable<string?> codes, Dictionary<string, T> known) =>
        codes.OfType<string>().Where(c => !known.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
}
