using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

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
}

/// <summary>
/// Finishing the Create Interaction wizard (or canceling it with "finish later", rule 25): the defaults of rules
/// 12–16 from the contact and the template, BC's checks and messages of rule 19 in BC's order, then the logging
/// pipeline. Returns the new entry.
/// </summary>
public sealed class CreateInteraction(ITouchpointDb db, LogInteraction log, InteractionLogQueue queue, GetInteractionLogEntry read, TimeProvider clock)
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
        var (line, names, contactEmail) = await BuildAsync(request, ct);
        var written = await queue.WriteAsync(db, log, new LineToLog
        {
            // Checked here against the same rows, more strictly than rule 46, with rule 46's e-mail adjustment applied.
            Line = request.Postpone ? line : LogInteraction.Adjusted(line, contactEmail),
            UserId = userId,
            CampaignEntryDescription = Messages.Get("CampaignEntryInteractions"),
            Checked = true,
            Postponed = request.Postpone,
        }, key, ct);
        // The names were read to build the line: the answer is made from them, not read back (unless a copy of this
        // request, sent at the same moment, was written first).
        return written.Entry is { } entry
            ? (names with { Entry = entry }).WithTitle()
            : await read.HandleAsync(written.Answer.EntryNo!.Value, ct);
    }

    /// <summary>Rules 10, 12–16 and 19: the line the wizard would log, or the first of BC's refusals.</summary>
    public async Task<InteractionLine> BuildLineAsync(CreateInteractionRequest request, CancellationToken ct) =>
        (await BuildAsync(request, ct)).Line;

    private async Task<(InteractionLine Line, InteractionLogEntryQuery.Row Names, string? ContactEmail)> BuildAsync(CreateInteractionRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var contactNo = Codes.Normalize(request.ContactNo);
        var templateCode = Codes.Normalize(request.InteractionTemplateCode);
        var salespersonCode = Codes.Normalize(request.SalespersonCode);

        // Rule 19, in BC's order: the first missing field is the message.
        if (contactNo is null)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("SelectContactToInteract"));
        }
        if (templateCode is null)
        {
            throw DomainException.Invalid("interactionTemplateCode", Messages.Get("FieldRequired", Messages.Field("interactionTemplateCode")));
        }
        if (salespersonCode is null)
        {
            throw DomainException.Invalid("salespersonCode", Messages.Get("FieldRequired", Messages.Field("salespersonCode")));
        }

        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == contactNo, ct)
            ?? throw DomainException.Invalid("contactNo", Messages.Get("ContactNotFound", contactNo));
        if (contact.PrivacyBlocked)
        {
            throw DomainException.Invalid("contactNo", Messages.Get("ContactPrivacyBlockedNoInteractions", contact.No));
        }
        var template = await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == templateCode, ct)
            ?? throw DomainException.Invalid("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", templateCode));
        var salesperson = await db.Salespeople.AsNoTracking().FirstOrDefaultAsync(s => s.Code == salespersonCode, ct);
        if (salesperson is null)
        {
            errors.Add("salespersonCode", Messages.Get("SalespersonNotFound", salespersonCode));
        }
        else if (salesperson.Blocked)
        {
            errors.Add("salespersonCode", Messages.Get("SalespersonBlocked", salespersonCode));
        }

        // Rules 12–15: what the caller left out is what the wizard would have shown.
        var languages = await db.InteractionTemplateLanguages.AsNoTracking().Where(l => l.InteractionTemplateCode == template.Code).ToListAsync(ct);
        var defaults = InteractionDefaults.ForTemplate(template, contact, languages.Select(l => l.LanguageCode));
        var description = errors.MaxLength("description", InteractionDefaults.Description(request.Description, switchingTemplates: false, template.Description),
            InteractionLogEntry.DescriptionLength) ?? "";
        if (description.Length == 0 && !errors.Has("description"))
        {
            // Rule 19: the template's description is taken when none is given; a blank one after that is refused.
            errors.Add("description", Messages.Get("FieldRequired", Messages.Field("description")));
        }
        if (request.CostLcy < 0)
        {
            errors.Add("costLcy", Messages.Get("MustNotBeNegative", Messages.Field("costLcy")));
        }
        if (request.DurationMin < 0)
        {
            errors.Add("durationMin", Messages.Get("MustNotBeNegative", Messages.Field("durationMin")));
        }
        var comments = (request.Comments ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList();
        if (comments.Any(c => c.Length > InteractionLogEntryComment.CommentLength))
        {
            errors.Add("comments", Messages.Get("CommentTooLong", InteractionLogEntryComment.CommentLength));
        }

        // Rule 13: the campaign of the request, else the template's.
        var campaignNo = Codes.Normalize(request.CampaignNo) ?? defaults.CampaignNo;
        await References.CampaignAsync(db, campaignNo, "campaignNo", errors, ct);
        var opportunityNo = Codes.Normalize(request.OpportunityNo);
        if (opportunityNo is not null)
        {
            var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.No == opportunityNo, ct);
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
        var attachmentNo = languages.FirstOrDefault(l => l.LanguageCode == languageCode)?.AttachmentNo;
        errors.ThrowIfAny();

        // The caller's choice of type wins over rule 15's (the page lets the user change it).
        var correspondenceType = request.CorrespondenceType ?? defaults.CorrespondenceType;
        var (today, soon) = InteractionDefaults.When(clock);

        // Rule 19, the checks after the fields: content for Open and for e-mail.
        if (template.WizardAction == WizardAction.Open && attachmentNo is null)
        {
            throw DomainException.Invalid("interactionTemplateCode", Messages.Get("NoAttachmentFound"));
        }
        if (correspondenceType == CorrespondenceType.Email && attachmentNo is null)
        {
            throw DomainException.Invalid("correspondenceType", Messages.Get("EmailNeedsAttachment"));
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
        return (line, new InteractionLogEntryQuery.Row(null!, contact.Name, contact.CompanyName, template.Description, salesperson?.Name), contact.Email);
    }
}
