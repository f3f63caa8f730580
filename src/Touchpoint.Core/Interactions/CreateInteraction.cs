using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Interactions;

/// <summary>The Create Interaction wizard's input (POST /interactions); unset values default from the template.</summary>
public sealed record CreateInteractionRequest
{
    public string? ContactNo { get; init; }
    public string? InteractionTemplateCode { get; init; }
    public string? SalespersonCode { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? TimeOfInteraction { get; init; }
    public string? Description { get; init; }
    public decimal? CostLcy { get; init; }
    public decimal? DurationMin { get; init; }
    public CorrespondenceType? CorrespondenceType { get; init; }
    public string? LanguageCode { get; init; }
    public Evaluation? Evaluation { get; init; }
    public bool? AttemptFailed { get; init; }
    public string? CampaignNo { get; init; }
    public bool? CampaignTarget { get; init; }
    public bool? CampaignResponse { get; init; }
    public string? OpportunityNo { get; init; }
    public IReadOnlyList<string>? Comments { get; init; }
    public bool Postpone { get; init; }

    /// <summary>Rule 20: deliver the entry's attachment as its correspondence type says (not when postponed).</summary>
    public bool Send { get; init; }

    /// <summary>Rule 49: a Word letter sent by e-mail goes as a .docx attachment rather than as the body.</summary>
    public bool SendWordDocsAsAttmt { get; init; }

    /// <summary>
    /// Rule 22: what the wizard's content step chose (Open, Import, Merge); none: the template's attachment as it is.
    /// The wizard page's only: POST /interactions has no such field.
    /// </summary>
    [JsonIgnore]
    public WizardAction? Content { get; init; }

    /// <summary>
    /// Rule 22, Import: the user's own file for this interaction, logged instead of the template's (which does not
    /// change). The wizard page's only: POST /interactions has no such field.
    /// </summary>
    [JsonIgnore]
    public OwnLetter? Letter { get; init; }
}

/// <summary>A file the user chose for one interaction (wizard action Import, rule 22): its name and bytes.</summary>
public sealed record OwnLetter(string FileName, byte[] Content);

/// <summary>
/// Finishing the Create Interaction wizard (or canceling it with "finish later", rule 25): the defaults of rules
/// 12–16 from the contact and the template, BC's checks and messages of rule 19 in BC's order, then the logging
/// pipeline. Returns the new entry.
/// </summary>
/// <remarks>
/// A request outside a transaction is built where it is written: in the log queue's batch, from the rows that all the
/// requests of the moment refer to, read with one query per kind (<see cref="InteractionSources"/>). Under load that
/// saves each request its own reads of contact, template, salesperson and languages, which cost more than its entry.
/// </remarks>
public sealed class CreateInteraction(ITouchpointDb db, LogInteraction log, InteractionLogQueue queue, GetInteractionLogEntry read, AttachmentStore attachments,
    TimeProvider clock)
{
    /// <summary>The scope of POST /interactions' idempotency keys.</summary>
    public const string IdempotencyScope = "interactions";

    public async Task<InteractionLogEntryDto> HandleAsync(CreateInteractionRequest request, string userId, CancellationToken ct = default) =>
        await HandleAsync(request, userId, idempotencyKey: null, ct);

    /// <summary>With an Idempotency-Key, a retry of the same request gets the first answer and nothing new is logged.</summary>
    public async Task<InteractionLogEntryDto> HandleAsync(CreateInteractionRequest request, string userId, string? idempotencyKey, CancellationToken ct = default)
    {
        var key = IdempotencyKey.From(idempotencyKey, IdempotencyScope, request);
        if (await InteractionLogQueue.EarlierAnswerAsync(db, key, ct) is { EntryNo: { } earlier })
        {
            return await read.HandleAsync(earlier, ct);
        }
        // Rule 19's first checks need no row: a request without contact, template or salesperson is refused at once.
        Required(request);
        return await WithOwnLetterAsync(request.Letter, async own =>
        {
            var written = await queue.WriteAsync(db, log,
                new InteractionLogQueue.Request(null, null, key, new InteractionToBuild(request, userId) { OwnAttachmentNo = own }), ct);
            // The names were read to build the line: the answer is made from them, not read back (unless a copy of this
            // request, sent at the same moment, was written first).
            return written is { Entry: { } entry, Names: { } names }
                ? (names with { Entry = entry }).WithTitle()
                : await read.HandleAsync(written.Answer.EntryNo!.Value, ct);
        }, ct);
    }

    /// <summary>Rules 10, 12–16 and 19: the line the wizard would log, or the first of BC's refusals.</summary>
    public Task<InteractionLine> BuildLineAsync(CreateInteractionRequest request, CancellationToken ct) => BuildLineAsync(request, null, ct);

    /// <summary>The same, with the user's own letter (<see cref="CreateInteractionRequest.Letter"/>) stored as attachment <paramref name="ownAttachmentNo"/>.</summary>
    internal async Task<InteractionLine> BuildLineAsync(CreateInteractionRequest request, long? ownAttachmentNo, CancellationToken ct)
    {
        Required(request);
        return Build(new InteractionToBuild(request, "") { OwnAttachmentNo = ownAttachmentNo }, await InteractionSources.ReadAsync(db, [request], ct), clock).Line;
    }

    /// <summary>
    /// Rule 22, Import: the user's own file, checked as every upload is, is stored as an attachment of the line's own
    /// (as a segment line's own letter is), the entry gets its read-only copy from the logging pipeline (rule 44), and
    /// the line's file goes again: the template's attachment is not touched. One transaction, so a refusal leaves
    /// nothing behind. Without a file, <paramref name="write"/> runs as it is.
    /// </summary>
    internal async Task<T> WithOwnLetterAsync<T>(OwnLetter? letter, Func<long?, Task<T>> write, CancellationToken ct)
    {
        if (letter is null)
        {
            return await write(null);
        }
        var file = attachments.Check(letter.FileName, letter.Content);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var own = await attachments.AddAsync(file, ct);
        await db.SaveChangesAsync(ct);
        var result = await write(own.No);
        await attachments.RemoveAsync(own.No, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return result;
    }

    /// <summary>A request to log, with the line it became and the names its answer shows.</summary>
    internal sealed record Built(InteractionLine Line, LineToLog ToLog, InteractionLogEntryQuery.Row Names);

    /// <summary>Rule 19, in BC's order: the first missing field is the message.</summary>
    private static void Required(CreateInteractionRequest request)
    {
        if (Codes.Normalize(request.ContactNo) is null)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("SelectContactToInteract"));
        }
        if (Codes.Normalize(request.InteractionTemplateCode) is null)
        {
            throw DomainException.Invalid("interactionTemplateCode", Messages.Get("FieldRequired", Messages.Field("interactionTemplateCode")));
        }
        if (Codes.Normalize(request.SalespersonCode) is null)
        {
            throw DomainException.Invalid("salespersonCode", Messages.Get("FieldRequired", Messages.Field("salespersonCode")));
        }
    }

    /// <summary>The line of one request from the rows read for it (and for the others of its batch).</summary>
    internal static Built Build(InteractionToBuild toBuild, InteractionSources rows, TimeProvider clock)
    {
        var request = toBuild.Request;
        Required(request);
        var errors = new FieldErrors();
        var contactNo = Codes.Normalize(request.ContactNo)!;
        var templateCode = Codes.Normalize(request.InteractionTemplateCode)!;
        var salespersonCode = Codes.Normalize(request.SalespersonCode)!;

        var contact = rows.Contacts.GetValueOrDefault(contactNo)
            ?? throw DomainException.Invalid("contactNo", Messages.Get("ContactNotFound", contactNo));
        if (contact.PrivacyBlocked)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("ContactPrivacyBlockedNoInteractions", contact.No));
        }
        var template = rows.Templates.GetValueOrDefault(templateCode)
            ?? throw DomainException.Invalid("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", templateCode));
        var salesperson = rows.Salespeople.GetValueOrDefault(salespersonCode);
        if (salesperson is null)
        {
            errors.Add("salespersonCode", Messages.Get("SalespersonNotFound", salespersonCode));
        }
        else if (salesperson.Blocked)
        {
            errors.Add("salespersonCode", Messages.Get("SalespersonBlocked", salespersonCode));
        }

        // Rules 12–15: what the caller left out is what the wizard would have shown.
        var languages = rows.Languages.GetValueOrDefault(template.Code) ?? [];
        var defaults = InteractionDefaults.ForTemplate(template, contact, languages.Select(l => l.LanguageCode));
        var description = errors.MaxLength("description", InteractionDefaults.Description(request.Description, switchingTemplates: false, template.Description),
            InteractionLogEntry.DescriptionLength) ?? "";
        if (description.Length == 0 && !errors.Has("description"))
        {
            // Rule 19: the template's description is taken when none is given; a blank one after that is refused.
            errors.Add("description", Messages.Get("FieldRequired", Messages.Field("description")));
        }
        Amounts.Check(request.CostLcy, "costLcy", errors);
        // Checked as it will be stored: in whole minutes (below), so 999,999,999.99 is refused rather than rounded past the bound.
        _ = Amounts.Check(request.DurationMin, "durationMin", errors)
            && Amounts.Check(request.DurationMin is { } minutes ? decimal.Round(minutes, 0) : null, "durationMin", errors);
        var comments = (request.Comments ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList();
        if (comments.Any(c => c.Length > InteractionLogEntryComment.CommentLength))
        {
            errors.Add("comments", Messages.Get("CommentTooLong", InteractionLogEntryComment.CommentLength));
        }

        // Rule 13: the campaign of the request, else the template's.
        var campaignNo = Codes.Normalize(request.CampaignNo) ?? defaults.CampaignNo;
        if (campaignNo is not null && !rows.Campaigns.Contains(campaignNo))
        {
            errors.Add("campaignNo", Messages.Get("CampaignNotFound", campaignNo));
        }
        var opportunityNo = Codes.Normalize(request.OpportunityNo);
        if (opportunityNo is not null)
        {
            var opportunity = rows.Opportunities.GetValueOrDefault(opportunityNo);
            if (opportunity is null)
            {
                errors.Add("opportunityNo", Messages.Get("OpportunityNotFound", opportunityNo));
            }
            else if (opportunity.Closed || opportunity.ContactCompanyNo != contact.CompanyNo)
            {
                // The wizard's look-up offers open opportunities of the contact's company only.
                errors.Add("opportunityNo", Messages.Get("OpportunityNotForContact", opportunityNo, contact.No));
            }
        }

        var languageCode = Codes.Normalize(request.LanguageCode);
        if (languageCode is not null && languages.All(l => l.LanguageCode != languageCode))
        {
            errors.Add("languageCode", Messages.Get("TemplateLanguageNotFound", template.Code, languageCode));
        }
        languageCode ??= defaults.LanguageCode;
        // Rule 22: the user's own file (Import) instead of the template's, stored for the line by the caller (none yet
        // when the line is only shown).
        var attachmentNo = request.Letter is null
            ? languages.FirstOrDefault(l => l.LanguageCode == languageCode)?.AttachmentNo
            : toBuild.OwnAttachmentNo;
        var hasContent = attachmentNo is not null || request.Letter is not null;
        errors.ThrowIfAny();

        // The caller's choice of type wins over rule 15's (the page lets the user change it).
        var correspondenceType = request.CorrespondenceType ?? defaults.CorrespondenceType;
        var (today, soon) = InteractionDefaults.When(clock);

        // Rule 22: Import without a file is the user stopping the import.
        if (request.Content == WizardAction.Import && request.Letter is null)
        {
            throw DomainException.Invalid("file", Messages.Get("ImportStopped"));
        }
        // Rule 19, the checks after the fields: content for Open and for e-mail.
        if ((template.WizardAction == WizardAction.Open || request.Content == WizardAction.Open) && !hasContent)
        {
            throw DomainException.Invalid("interactionTemplateCode", Messages.Get("NoAttachmentFound"));
        }
        if (correspondenceType == CorrespondenceType.Email && !hasContent)
        {
            throw DomainException.Invalid("correspondenceType", Messages.Get("EmailNeedsAttachment"));
        }
        if (request.Send && !request.Postpone && correspondenceType == CorrespondenceType.Email && string.IsNullOrWhiteSpace(contact.Email))
        {
            // Rule 46 with Deliver: an e-mail to be sent needs an address (without Send it goes without correspondence type).
            throw DomainException.Invalid("contactNo", Messages.Get("ContactNeedsEmail", contact.No));
        }

        var line = new InteractionLine
        {
            ContactNo = contact.No,
            ContactCompanyNo = contact.CompanyNo,
            InteractionTemplateCode = template.Code,
            InteractionGroupCode = template.InteractionGroupCode,
            SalespersonCode = salespersonCode,
            Date = request.Date ?? today,
            TimeOfInteraction = request.TimeOfInteraction ?? soon,
            Description = description,
            Subject = description,
            InformationFlow = template.InformationFlow,
            InitiatedBy = template.InitiatedBy,
            CostLcy = decimal.Round(request.CostLcy ?? defaults.CostLcy, 2),
            DurationMin = decimal.Round(request.DurationMin ?? defaults.DurationMin, 0),
            CorrespondenceType = correspondenceType,
            LanguageCode = languageCode,
            Evaluation = request.Evaluation ?? Evaluation.None,
            AttemptFailed = request.AttemptFailed ?? false,
            CampaignNo = campaignNo,
            CampaignTarget = request.CampaignTarget ?? defaults.CampaignTarget,
            CampaignResponse = request.CampaignResponse ?? defaults.CampaignResponse,
            OpportunityNo = opportunityNo,
            AttachmentNo = attachmentNo,
            Comments = comments,
        };
        var toLog = new LineToLog
        {
            // Checked here against the same rows, more strictly than rule 46, with rule 46's e-mail adjustment applied.
            Line = request.Postpone ? line : LogInteraction.Adjusted(line, contact.Email),
            UserId = toBuild.UserId,
            CampaignEntryDescription = Messages.Get("CampaignEntryInteractions"),
            Checked = true,
            Postponed = request.Postpone,
            Deliver = request.Send && !request.Postpone,
            SendWordDocsAsAttmt = request.SendWordDocsAsAttmt,
        };
        return new Built(line, toLog, new InteractionLogEntryQuery.Row(null!, contact.Name, contact.CompanyName, template.Description, salesperson?.Name));
    }
}

/// <summary>A request of the Create Interaction wizard, to be built into a line where it is written.</summary>
internal sealed record InteractionToBuild(CreateInteractionRequest Request, string UserId) : LineToMake(UserId)
{
    /// <summary>The attachment the caller stored the request's own letter as (rule 22, Import).</summary>
    public long? OwnAttachmentNo { get; init; }
}

/// <summary>
/// The rows that requests to create interactions refer to (contacts, templates with their languages, salespeople,
/// campaigns, opportunities), read with one query per kind for all of them.
/// </summary>
internal sealed class InteractionSources
{
    public Dictionary<string, Contact> Contacts { get; private init; } = [];
    public Dictionary<string, InteractionTemplate> Templates { get; private init; } = [];
    public Dictionary<string, Salesperson> Salespeople { get; private init; } = [];
    public Dictionary<string, List<InteractionTemplateLanguage>> Languages { get; private init; } = [];
    public HashSet<string> Campaigns { get; private init; } = [];
    public Dictionary<string, Opportunity> Opportunities { get; private init; } = [];

    public static async Task<InteractionSources> ReadAsync(ITouchpointDb db, IReadOnlyCollection<CreateInteractionRequest> requests, CancellationToken ct)
    {
        var context = (DbContext)db;
        var reads = ReadsByModel.GetValue(context.Model, _ => new CompiledReads());
        var contactNos = Distinct(requests.Select(r => r.ContactNo));
        var templateCodes = Distinct(requests.Select(r => r.InteractionTemplateCode));
        var salespersonCodes = Distinct(requests.Select(r => r.SalespersonCode));
        var opportunityNos = Distinct(requests.Select(r => r.OpportunityNo));

        var templates = await ToDictionaryAsync(reads.Templates(context, templateCodes), t => t.Code, ct);
        // Rule 13: a request without a campaign takes its template's.
        var campaignNos = Distinct(requests.Select(r => Codes.Normalize(r.CampaignNo)
            ?? templates.GetValueOrDefault(Codes.Normalize(r.InteractionTemplateCode) ?? "")?.CampaignNo));
        var languages = new Dictionary<string, List<InteractionTemplateLanguage>>(StringComparer.Ordinal);
        if (templates.Count > 0)
        {
            await foreach (var language in reads.Languages(context, templateCodes).WithCancellation(ct))
            {
                languages.TryAdd(language.InteractionTemplateCode, []);
                languages[language.InteractionTemplateCode].Add(language);
            }
        }
        var campaigns = new HashSet<string>(StringComparer.Ordinal);
        if (campaignNos.Length > 0)
        {
            await foreach (var no in reads.Campaigns(context, campaignNos).WithCancellation(ct))
            {
                campaigns.Add(no);
            }
        }
        return new InteractionSources
        {
            Templates = templates,
            Contacts = await ToDictionaryAsync(reads.Contacts(context, contactNos), c => c.No, ct),
            Salespeople = await ToDictionaryAsync(reads.Salespeople(context, salespersonCodes), s => s.Code, ct),
            Languages = languages,
            Campaigns = campaigns,
            Opportunities = opportunityNos.Length == 0 ? [] : await ToDictionaryAsync(reads.Opportunities(context, opportunityNos), o => o.No, ct),
        };
    }

    // Compiled once: these reads run for every batch of the wizard's requests, and building and looking up the query
    // anew each time cost more than running it. One set per model, since a compiled query keeps the database provider
    // it first ran on (one process may serve SQLite and PostgreSQL: the tests do).
    private static readonly ConditionalWeakTable<IModel, CompiledReads> ReadsByModel = new();

    private sealed class CompiledReads
    {
        public readonly Func<DbContext, string[], IAsyncEnumerable<Contact>> Contacts =
            EF.CompileAsyncQuery((DbContext db, string[] nos) => db.Set<Contact>().AsNoTracking().Where(c => nos.Contains(c.No)));
        public readonly Func<DbContext, string[], IAsyncEnumerable<InteractionTemplate>> Templates =
            EF.CompileAsyncQuery((DbContext db, string[] codes) => db.Set<InteractionTemplate>().AsNoTracking().Where(t => codes.Contains(t.Code)));
        public readonly Func<DbContext, string[], IAsyncEnumerable<InteractionTemplateLanguage>> Languages =
            EF.CompileAsyncQuery((DbContext db, string[] codes) =>
                db.Set<InteractionTemplateLanguage>().AsNoTracking().Where(l => codes.Contains(l.InteractionTemplateCode)));
        public readonly Func<DbContext, string[], IAsyncEnumerable<Salesperson>> Salespeople =
            EF.CompileAsyncQuery((DbContext db, string[] codes) => db.Set<Salesperson>().AsNoTracking().Where(s => codes.Contains(s.Code)));
        public readonly Func<DbContext, string[], IAsyncEnumerable<string>> Campaigns =
            EF.CompileAsyncQuery((DbContext db, string[] nos) => db.Set<Campaign>().Where(c => nos.Contains(c.No)).Select(c => c.No));
        public readonly Func<DbContext, string[], IAsyncEnumerable<Opportunity>> Opportunities =
            EF.CompileAsyncQuery((DbContext db, string[] nos) => db.Set<Opportunity>().AsNoTracking().Where(o => nos.Contains(o.No)));
    }

    private static async Task<Dictionary<string, T>> ToDictionaryAsync<T>(IAsyncEnumerable<T> rows, Func<T, string> key, CancellationToken ct)
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(ct))
        {
            found[key(row)] = row;
        }
        return found;
    }

    private static string[] Distinct(IEnumerable<string?> codes) =>
        codes.Select(Codes.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
}
