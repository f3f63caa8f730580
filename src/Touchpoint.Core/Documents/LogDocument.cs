using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Documents;

/// <summary>A document printed or sent by the ERP (POST /documentEvents); one of the three recipients.</summary>
public sealed record DocumentEvent
{
    public DocumentType? DocumentType { get; init; }
    public string? DocumentNo { get; init; }
    public int? VersionNo { get; init; }
    public int? DocNoOccurrence { get; init; }
    public string? CustomerNo { get; init; }
    public string? VendorNo { get; init; }
    public string? ContactNo { get; init; }
    public string? SalespersonCode { get; init; }
    public string? Description { get; init; }
    public string? CampaignNo { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? TimeOfInteraction { get; init; }
}

/// <summary>Logged, with its entry; or why not: "noTemplate" (rule 51) or "noContact" (rule 54).</summary>
public sealed record DocumentLoggedDto(bool Logged, long? EntryNo, string? Reason)
{
    public const string NoTemplate = "noTemplate";
    public const string NoContact = "noContact";

    public static DocumentLoggedDto From(LogAnswer answer) => new(answer.EntryNo is not null, answer.EntryNo, answer.Reason);
}

/// <summary>
/// BC's LogDocument (rules 51–56): the template from the interaction template setup, the contact from the customer's
/// or vendor's business relation (or given), the salesperson from the event or the contact, the description from the
/// event or the template; then the one logging pipeline, without delivery and without requiring a salesperson. Where
/// BC silently logs nothing, the answer says why. With an idempotency key, a retried event gets the first answer
/// back and logs nothing new, however many copies arrive at once.
/// </summary>
public sealed class LogDocument(ITouchpointDb db, LogInteraction log, InteractionLogQueue queue, TimeProvider clock)
{
    /// <summary>The scope of POST /documentEvents' idempotency keys, shared with the import's.</summary>
    public const string IdempotencyScope = "documentEvents";

    public async Task<DocumentLoggedDto> HandleAsync(DocumentEvent e, string userId, string? idempotencyKey, CancellationToken ct = default)
    {
        var (type, documentNo) = Validate(e);
        var key = IdempotencyKey.From(idempotencyKey, IdempotencyScope, () => ValuesHash(e, type, documentNo));
        // The reads come first, outside any transaction; the writes go with those of the other requests of the moment.
        var (template, earlier) = await TemplateAsync(type, key, ct);
        if (earlier is not null)
        {
            return DocumentLoggedDto.From(earlier);
        }
        var resolved = await ResolveAsync(e, type, documentNo, template, ct);
        // The caption is in the caller's language, as every message is; the queue's writer has none.
        var line = resolved.Line is null ? null : new LineToLog
        {
            Line = resolved.Line,
            UserId = userId,
            CampaignEntryDescription = DocumentTypes.CampaignEntryDescription(type),
            Checked = true,
        };
        var request = new InteractionLogQueue.Request(line, resolved.Reason, key);
        if (db.Database.CurrentTransaction is not null)
        {
            // Part of the caller's transaction (the cover sheets of a segment, all or nothing): written in it, here.
            return DocumentLoggedDto.From((await InteractionLogQueue.WriteInTransactionAsync(db, log, [request], clock.GetUtcNow(), ct))[0].Get().Answer);
        }
        return DocumentLoggedDto.From((await queue.WriteAsync(request)).Answer);
    }

    /// <summary>
    /// Rule 51's template (the setup's field for the document type) and, with a key, the answer already given to it:
    /// one query, as each is one row by its key.
    /// </summary>
    private async Task<(InteractionTemplate? Template, LogAnswer? Earlier)> TemplateAsync(DocumentType type, IdempotencyKey? key, CancellationToken ct)
    {
        var k = key?.Key;
        var found = await db.InteractionTemplateSetup.AsNoTracking()
            .Where(s => s.Id == InteractionTemplateSetup.SingletonId)
            .LeftJoin(db.InteractionTemplates.AsNoTracking(), SetupColumn(type), t => t.Code, (s, t) => new
            {
                Template = t,
                Scope = db.IdempotencyRecords.Where(r => r.Key == k).Select(r => r.Scope).FirstOrDefault(),
                RequestHash = db.IdempotencyRecords.Where(r => r.Key == k).Select(r => r.RequestHash).FirstOrDefault(),
                EntryNo = db.IdempotencyRecords.Where(r => r.Key == k).Select(r => r.EntryNo).FirstOrDefault(),
                Reason = db.IdempotencyRecords.Where(r => r.Key == k).Select(r => r.Reason).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        // A key answered before: the first answer, or 422 when it came with another request.
        var earlier = key is not null && found?.Scope is { } scope
            ? IdempotencyRecord.AnswerFor(key, scope, found.RequestHash!, found.EntryNo, found.Reason)
            : null;
        return (found?.Template, earlier);
    }

    private static readonly ConcurrentDictionary<DocumentType, Expression<Func<InteractionTemplateSetup, string>>> SetupColumns = new();

    /// <summary>The setup's field for a document type as a column to join on, e.g. s => s.SalesInvoice.</summary>
    private static Expression<Func<InteractionTemplateSetup, string>> SetupColumn(DocumentType type) =>
        SetupColumns.GetOrAdd(type, t =>
        {
            var setup = Expression.Parameter(typeof(InteractionTemplateSetup), "s");
            return Expression.Lambda<Func<InteractionTemplateSetup, string>>(Expression.Property(setup, DocumentTypes.SetupField(t).Property), setup);
        });

    private static (DocumentType Type, string? DocumentNo) Validate(DocumentEvent e)
    {
        var errors = new FieldErrors();
        var valid = Validate(e, errors);
        errors.ThrowIfAny();
        return valid;
    }

    /// <summary>
    /// An event known by its values as they are read (codes trimmed and upper-cased, versions 0 when blank): what an
    /// Idempotency-Key is compared by, so that a retry with other spacing or letter case is the same request, and what
    /// the import keys a line without a key by, so that a file exported again is recognised.
    /// </summary>
    internal static string ValuesHash(DocumentEvent e, DocumentType type, string? documentNo)
    {
        var values = string.Join('\u001f',
            type.ToString(), documentNo, (e.VersionNo ?? 0).ToString(CultureInfo.InvariantCulture),
            (e.DocNoOccurrence ?? 0).ToString(CultureInfo.InvariantCulture), Codes.Normalize(e.CustomerNo), Codes.Normalize(e.VendorNo),
            Codes.Normalize(e.ContactNo), Codes.Normalize(e.SalespersonCode), e.Description?.Trim(), Codes.Normalize(e.CampaignNo),
            e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.TimeOfInteraction?.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values)));
    }

    /// <summary>The event's own checks, collected into <paramref name="errors"/>; an import checks each line with them too.</summary>
    internal static (DocumentType Type, string? DocumentNo) Validate(DocumentEvent e, FieldErrors errors)
    {
        DocumentType type = default;
        if (e.DocumentType is not { } t || t == DocumentType.None)
        {
            errors.Add("documentType", Messages.Get("DocumentTypeRequired", string.Join(", ", DocumentTypes.All.Select(d => JsonNamingPolicy.CamelCase.ConvertName(d.ToString())))));
        }
        else
        {
            type = t;
        }
        // A document no. is a code (BC Code[20]): stored upper-cased, so that any case finds it.
        var documentNo = errors.MaxLength("documentNo", Codes.Normalize(e.DocumentNo), 20);
        var recipients = new[] { e.CustomerNo, e.VendorNo, e.ContactNo }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (recipients != 1)
        {
            errors.Add(string.IsNullOrWhiteSpace(e.CustomerNo) ? "contactNo" : "customerNo", Messages.Get("DocumentRecipientOneOf"));
        }
        if (e.VersionNo < 0)
        {
            errors.Add("versionNo", Messages.Get("MustNotBeNegative", Messages.Field("versionNo")));
        }
        if (e.DocNoOccurrence < 0)
        {
            errors.Add("docNoOccurrence", Messages.Get("MustNotBeNegative", Messages.Field("docNoOccurrence")));
        }
        errors.MaxLength("description", e.Description?.Trim(), InteractionLogEntry.DescriptionLength);
        return (type, documentNo);
    }

    /// <summary>The entry's line, or why there is none: "noTemplate" (rule 51) or "noContact" (rule 54).</summary>
    private readonly record struct Resolved(InteractionLine? Line, string? Reason);

    private async Task<Resolved> ResolveAsync(DocumentEvent e, DocumentType type, string? documentNo, InteractionTemplate? template, CancellationToken ct)
    {
        // Rule 51: no template in the setup, nothing logged, and the answer says so.
        if (template is null)
        {
            return new Resolved(null, DocumentLoggedDto.NoTemplate);
        }
        // Rule 54: the customer's or vendor's first business relation, or the contact given.
        var contact = await ContactAsync(e, ct);
        if (contact is null)
        {
            return new Resolved(null, DocumentLoggedDto.NoContact);
        }
        var line = ToInteractionLine(e, type, documentNo, template, new DocumentContact(contact.No, contact.CompanyNo, contact.SalespersonCode), clock.GetLocalNow());
        // Rule 46 for a document: the contact and the template were just read and no salesperson is required, so only
        // a salesperson given in the event and the campaign are left to check; the pipeline need not read them all again.
        var errors = new FieldErrors();
        await References.SalespersonAsync(db, Codes.Normalize(e.SalespersonCode), "salespersonCode", errors, ct);
        await References.CampaignAsync(db, line.CampaignNo, "campaignNo", errors, ct);
        errors.ThrowIfAny();
        return new Resolved(line, null);
    }

    /// <summary>What of the contact an entry of a document takes.</summary>
    internal readonly record struct DocumentContact(string No, string? CompanyNo, string? SalespersonCode);

    /// <summary>Rule 55, shared with the import so that a line of a file makes the entry an API call would.</summary>
    internal static InteractionLine ToInteractionLine(DocumentEvent e, DocumentType type, string? documentNo, InteractionTemplate template,
        DocumentContact contact, DateTimeOffset now)
    {
        var description = string.IsNullOrWhiteSpace(e.Description) ? template.Description : e.Description.Trim();
        // Rule 55: the template's defaults (rule 13), the event's campaign over the template's, no delivery.
        return new InteractionLine
        {
            ContactNo = contact.No,
            ContactCompanyNo = contact.CompanyNo,
            InteractionTemplateCode = template.Code,
            InteractionGroupCode = template.InteractionGroupCode,
            SalespersonCode = Codes.Normalize(e.SalespersonCode) ?? contact.SalespersonCode,
            Date = e.Date ?? DateOnly.FromDateTime(now.DateTime),
            TimeOfInteraction = e.TimeOfInteraction ?? TimeOnly.FromDateTime(now.DateTime),
            Description = description,
            InformationFlow = template.InformationFlow,
            InitiatedBy = template.InitiatedBy,
            CostLcy = template.UnitCostLcy,
            DurationMin = template.UnitDurationMin,
            CorrespondenceType = CorrespondenceType.None,
            LanguageCode = template.LanguageCodeDefault,
            CampaignNo = Codes.Normalize(e.CampaignNo) ?? template.CampaignNo,
            CampaignTarget = template.CampaignTarget,
            CampaignResponse = template.CampaignResponse,
            DocumentType = type,
            DocumentNo = documentNo,
            VersionNo = e.VersionNo ?? 0,
            DocNoOccurrence = e.DocNoOccurrence ?? 0,
        };
    }

    private async Task<Contact?> ContactAsync(DocumentEvent e, CancellationToken ct)
    {
        if (Codes.Normalize(e.ContactNo) is { } contactNo)
        {
            return await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == contactNo, ct);
        }
        var (table, no) = Codes.Normalize(e.CustomerNo) is { } customer ? (LinkToTable.Customer, customer) : (LinkToTable.Vendor, Codes.Normalize(e.VendorNo)!);
        return await db.ContactBusinessRelations.Where(r => r.LinkToTable == table && r.LinkNo == no)
            .Join(db.Contacts.AsNoTracking(), r => r.ContactNo, c => c.No, (r, c) => c)
            .OrderBy(c => c.No).FirstOrDefaultAsync(ct);
    }
}
