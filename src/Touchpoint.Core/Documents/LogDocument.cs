using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Touchpoint.Core.Common;
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
public sealed class LogDocument(ITouchpointDb db, LogInteraction log, InteractionLogQueue queue)
{
    /// <summary>The scope of POST /documentEvents' idempotency keys, shared with the import's.</summary>
    public const string IdempotencyScope = "documentEvents";

    public async Task<DocumentLoggedDto> HandleAsync(DocumentEvent e, string userId, string? idempotencyKey, CancellationToken ct = default)
    {
        var (type, documentNo) = Validate(e);
        var key = IdempotencyKey.From(idempotencyKey, IdempotencyScope, () => ValuesHash(e, type, documentNo));
        if (await InteractionLogQueue.EarlierAnswerAsync(db, key, ct) is { } earlier)
        {
            return DocumentLoggedDto.From(earlier);
        }
        // Resolved where it is written, with the other events of the moment (rules 51–56 read once for all of them).
        var request = new InteractionLogQueue.Request(null, null, key, new DocumentToResolve(e, type, documentNo, userId));
        return DocumentLoggedDto.From((await queue.WriteAsync(db, log, request, ct)).Answer);
    }

    /// <summary>
    /// The line to log for a resolved event, or null with the reason nothing is logged; rule 46's refusals are thrown
    /// as the API's 400.
    /// </summary>
    internal static LineToLog? ToLog(DocumentToResolve document, DocumentResolution resolution, out string? reason)
    {
        reason = resolution.Reason;
        if (resolution.Refusals.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var (field, message) in resolution.Refusals)
            {
                errors.Add(field, message);
            }
            errors.ThrowIfAny();
        }
        return resolution.Line is null ? null : new LineToLog
        {
            Line = resolution.Line,
            UserId = document.UserId,
            CampaignEntryDescription = DocumentTypes.CampaignEntryDescription(document.Type),
            Checked = true,
        };
    }

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

    /// <summary>Rule 55: the entry's line of a document event (the API's and the import's, by <see cref="DocumentResolver"/>).</summary>
    internal static InteractionLine ToInteractionLine(DocumentEvent e, DocumentType type, string? documentNo, InteractionTemplate template,
        DocumentResolver.DocumentContact contact, DateTimeOffset now)
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
}

/// <summary>A document event, validated, to be resolved into a line where it is written.</summary>
internal sealed record DocumentToResolve(DocumentEvent Event, DocumentType Type, string? DocumentNo, string UserId) : LineToMake(UserId);
