using Microsoft.EntityFrameworkCore.Query;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

/// <summary>The fields a caller may set on a segment line; unset fields keep their value.</summary>
public sealed record SegmentLineFields
{
    public Optional<string?> ContactNo { get; init; }
    public Optional<string?> InteractionTemplateCode { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<string?> Subject { get; init; }
    public Optional<string?> LanguageCode { get; init; }
    public Optional<CorrespondenceType?> CorrespondenceType { get; init; }
    public Optional<decimal?> CostLcy { get; init; }
    public Optional<decimal?> DurationMin { get; init; }
    public Optional<DateOnly?> Date { get; init; }
    public Optional<TimeOnly?> TimeOfInteraction { get; init; }
    public Optional<Evaluation?> Evaluation { get; init; }
    public Optional<bool?> AttemptFailed { get; init; }
    public Optional<string?> CampaignNo { get; init; }
    public Optional<bool?> CampaignTarget { get; init; }
    public Optional<bool?> CampaignResponse { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<string?> OpportunityNo { get; init; }
}

public sealed record SegmentLineDto(
    int LineNo,
    string ContactNo,
    string? ContactName,
    string? ContactCompanyNo,
    string? InteractionTemplateCode,
    string Description,
    string Subject,
    string? LanguageCode,
    CorrespondenceType CorrespondenceType,
    decimal CostLcy,
    decimal DurationMin,
    DateOnly Date,
    TimeOnly? TimeOfInteraction,
    Evaluation Evaluation,
    bool AttemptFailed,
    string? CampaignNo,
    bool CampaignTarget,
    bool CampaignResponse,
    string? SalespersonCode,
    string? OpportunityNo,
    bool HasAttachment);

/// <summary>
/// BC table 5077 Segment Line: one contact of a segment, with the values its interaction will be logged with.
/// </summary>
public sealed class SegmentLine
{
    public const int LineNoStep = 10000;

    private SegmentLine()
    {
    }

    public string SegmentNo { get; private set; } = "";
    public int LineNo { get; private set; }
    public string ContactNo { get; private set; } = "";
    public string? ContactCompanyNo { get; private set; }
    public string? InteractionTemplateCode { get; private set; }
    public string? InteractionGroupCode { get; private set; }
    public string Description { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? LanguageCode { get; private set; }
    public CorrespondenceType CorrespondenceType { get; private set; }
    public decimal CostLcy { get; private set; }
    public decimal DurationMin { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly? TimeOfInteraction { get; private set; }
    public Evaluation Evaluation { get; private set; }
    public bool AttemptFailed { get; private set; }
    public string? CampaignNo { get; private set; }
    public bool CampaignTarget { get; private set; }
    public bool CampaignResponse { get; private set; }
    public string? SalespersonCode { get; private set; }
    public string? OpportunityNo { get; private set; }
    public InformationFlow InformationFlow { get; private set; }
    public InitiatedBy InitiatedBy { get; private set; }

    /// <summary>
    /// BC's Segment Line "Attachment No.": the file this line's interaction is logged with, the header-level segment
    /// language's it inherits or its own line-level one's (rule 40), so logging reads it straight from the line.
    /// </summary>
    public long? AttachmentNo { get; private set; }

    /// <summary>
    /// Rule 40: a new line starts from the header. <paramref name="language"/> is the header-level segment language
    /// for the contact's language when there is one, so the line is written in it with its attachment and subject;
    /// otherwise the header's default language's, or none.
    /// </summary>
    public static SegmentLine Inherit(SegmentHeader header, int lineNo, Contact contact, InteractionTemplate? headerTemplate, SegmentInteractionLanguage? language) => new()
    {
        SegmentNo = header.No,
        LineNo = lineNo,
        ContactNo = contact.No,
        ContactCompanyNo = contact.CompanyNo,
        InteractionTemplateCode = header.InteractionTemplateCode,
        InteractionGroupCode = header.InteractionGroupCode,
        Description = header.Description,
        Subject = string.IsNullOrEmpty(language?.Subject) ? header.SubjectDefault : language.Subject,
        LanguageCode = language?.LanguageCode ?? header.LanguageCodeDefault,
        AttachmentNo = language?.AttachmentNo,
        CorrespondenceType = CorrespondenceTypeFor(header, headerTemplate, contact),
        CostLcy = header.UnitCostLcy,
        DurationMin = header.UnitDurationMin,
        Date = header.Date,
        CampaignNo = header.CampaignNo,
        CampaignTarget = header.CampaignTarget,
        CampaignResponse = header.CampaignResponse,
        SalespersonCode = header.SalespersonCode,
        InformationFlow = header.InformationFlow,
        InitiatedBy = header.InitiatedBy,
    };

    /// <summary>Rule 15, in its order of precedence.</summary>
    public static CorrespondenceType CorrespondenceTypeFor(SegmentHeader header, InteractionTemplate? template, Contact contact)
    {
        if (header.IgnoreContactCorresType && header.CorrespondenceTypeDefault != CorrespondenceType.None)
        {
            return header.CorrespondenceTypeDefault;
        }
        if (template is not null && (template.IgnoreContactCorresType
            || (contact.CorrespondenceType == CorrespondenceType.None && template.CorrespondenceTypeDefault != CorrespondenceType.None)))
        {
            return template.CorrespondenceTypeDefault;
        }
        return contact.CorrespondenceType != CorrespondenceType.None ? contact.CorrespondenceType : header.CorrespondenceTypeDefault;
    }

    /// <summary>
    /// The line's own values. <paramref name="template"/> is a template named by a sent interactionTemplateCode: a new
    /// one re-derives the line first (rules 13–15), so values sent together with it win. The language is the use
    /// case's (<see cref="UseLanguage"/>): it depends on the segment's languages.
    /// </summary>
    public void Apply(SegmentLineFields fields, InteractionTemplate? template, SegmentHeader header, Contact? contact, FieldErrors errors)
    {
        if (fields.InteractionTemplateCode.IsSet)
        {
            var code = errors.MaxLength("interactionTemplateCode",
                Codes.Normalize(fields.InteractionTemplateCode.Value), InteractionTemplate.CodeLength);
            if (code != InteractionTemplateCode)
            {
                TakeTemplate(code, template, header, contact);
            }
        }
        if (fields.Description.IsSet)
        {
            Description = errors.MaxLength("description", fields.Description.Value?.Trim(), SegmentHeader.DescriptionLength) ?? "";
        }
        if (fields.Subject.IsSet)
        {
            Subject = errors.MaxLength("subject", fields.Subject.Value?.Trim(), SegmentHeader.SubjectLength) ?? "";
        }
        CorrespondenceType = fields.CorrespondenceType.IsSet ? fields.CorrespondenceType.Value ?? CorrespondenceType.None : CorrespondenceType;
        CostLcy = Amounts.Read(fields.CostLcy, CostLcy, "costLcy", errors);
        DurationMin = Amounts.Read(fields.DurationMin, DurationMin, "durationMin", errors);
        if (fields.Date.IsSet)
        {
            if (fields.Date.Value is { } date)
            {
                Date = date;
            }
            else
            {
                errors.Add("date", Messages.Get("FieldRequired", Messages.Field("date")));
            }
        }
        TimeOfInteraction = fields.TimeOfInteraction.Or(TimeOfInteraction);
        Evaluation = fields.Evaluation.IsSet ? fields.Evaluation.Value ?? Evaluation.None : Evaluation;
        AttemptFailed = fields.AttemptFailed.IsSet ? fields.AttemptFailed.Value ?? false : AttemptFailed;
        if (fields.CampaignNo.IsSet)
        {
            CampaignNo = errors.MaxLength("campaignNo", Codes.Normalize(fields.CampaignNo.Value), 20);
        }
        CampaignTarget = fields.CampaignTarget.IsSet ? fields.CampaignTarget.Value ?? false : CampaignTarget;
        CampaignResponse = fields.CampaignResponse.IsSet ? fields.CampaignResponse.Value ?? false : CampaignResponse;
        if (fields.SalespersonCode.IsSet)
        {
            SalespersonCode = errors.MaxLength("salespersonCode", Codes.Normalize(fields.SalespersonCode.Value), 20);
        }
        if (fields.OpportunityNo.IsSet)
        {
            OpportunityNo = errors.MaxLength("opportunityNo", Codes.Normalize(fields.OpportunityNo.Value), 20);
        }
    }

    /// <summary>
    /// Rules 13–15: another template brings its defaults. The description becomes the template's when the line has
    /// none or had another template (rule 14); the campaign is the header's, else the template's; the correspondence
    /// type follows rule 15 for the line's contact. Language and attachment are cleared: the use case chooses them
    /// from the new template's languages (rule 65).
    /// </summary>
    private void TakeTemplate(string? code, InteractionTemplate? template, SegmentHeader header, Contact? contact)
    {
        var hadTemplate = InteractionTemplateCode is not null;
        InteractionTemplateCode = code;
        LanguageCode = null;
        AttachmentNo = null;
        if (template is null)
        {
            return;
        }
        InteractionGroupCode = template.InteractionGroupCode;
        CostLcy = template.UnitCostLcy;
        DurationMin = template.UnitDurationMin;
        InformationFlow = template.InformationFlow;
        InitiatedBy = template.InitiatedBy;
        CampaignTarget = template.CampaignTarget;
        CampaignResponse = template.CampaignResponse;
        CampaignNo = header.CampaignNo ?? template.CampaignNo ?? CampaignNo;
        if (hadTemplate || string.IsNullOrEmpty(Description))
        {
            Description = template.Description;
        }
        if (contact is not null)
        {
            CorrespondenceType = CorrespondenceTypeFor(header, template, contact);
        }
    }

    /// <summary>Rule 65: the line's language, with the attachment and subject of its segment language (none: no attachment).</summary>
    public void UseLanguage(string? languageCode, long? attachmentNo, string? subject)
    {
        LanguageCode = languageCode;
        AttachmentNo = attachmentNo;
        if (subject is not null)
        {
            Subject = subject;
        }
    }

    /// <summary>
    /// Rules 38–39: the lines that follow the header take the header values that were just changed; a new header
    /// template brings its values, and the header's language, to them. Set as one UPDATE over the lines (a segment may
    /// hold 100,000), so the rule is written as the setters of that statement.
    /// </summary>
    public static void FollowHeader(UpdateSettersBuilder<SegmentLine> set, SegmentHeader header, SegmentFields changed, bool templateChanged)
    {
        if (templateChanged)
        {
            // The language and attachment follow in a second step (SegmentLanguages.FollowHeaderAsync, rules 39–40).
            set.SetProperty(l => l.InteractionTemplateCode, header.InteractionTemplateCode);
        }
        if (templateChanged || changed.InteractionGroupCode.IsSet)
        {
            set.SetProperty(l => l.InteractionGroupCode, header.InteractionGroupCode);
        }
        if (templateChanged || changed.UnitCostLcy.IsSet)
        {
            set.SetProperty(l => l.CostLcy, header.UnitCostLcy);
        }
        if (templateChanged || changed.UnitDurationMin.IsSet)
        {
            set.SetProperty(l => l.DurationMin, header.UnitDurationMin);
        }
        if (templateChanged || changed.InformationFlow.IsSet)
        {
            set.SetProperty(l => l.InformationFlow, header.InformationFlow);
        }
        if (templateChanged || changed.InitiatedBy.IsSet)
        {
            set.SetProperty(l => l.InitiatedBy, header.InitiatedBy);
        }
        if (templateChanged || changed.CampaignTarget.IsSet)
        {
            set.SetProperty(l => l.CampaignTarget, header.CampaignTarget);
        }
        if (templateChanged || changed.CampaignResponse.IsSet)
        {
            set.SetProperty(l => l.CampaignResponse, header.CampaignResponse);
        }
        if (templateChanged || changed.CampaignNo.IsSet)
        {
            set.SetProperty(l => l.CampaignNo, header.CampaignNo);
        }
        if (changed.Description.IsSet)
        {
            set.SetProperty(l => l.Description, header.Description);
        }
        if (changed.SalespersonCode.IsSet)
        {
            set.SetProperty(l => l.SalespersonCode, header.SalespersonCode);
        }
        if (changed.CorrespondenceTypeDefault.IsSet)
        {
            set.SetProperty(l => l.CorrespondenceType, header.CorrespondenceTypeDefault);
        }
        if (changed.Date.IsSet)
        {
            set.SetProperty(l => l.Date, header.Date);
        }
    }

    /// <summary>Whether a header change reaches the lines at all (the fields <see cref="FollowHeader"/> sets).</summary>
    public static bool ReachesLines(SegmentFields changed, bool templateChanged) =>
        templateChanged || changed.InteractionGroupCode.IsSet || changed.UnitCostLcy.IsSet || changed.UnitDurationMin.IsSet
        || changed.InformationFlow.IsSet || changed.InitiatedBy.IsSet || changed.CampaignTarget.IsSet || changed.CampaignResponse.IsSet
        || changed.CampaignNo.IsSet || changed.Description.IsSet || changed.SalespersonCode.IsSet
        || changed.CorrespondenceTypeDefault.IsSet || changed.Date.IsSet;

    public SegmentLineDto ToDto(string? contactName) => new(LineNo, ContactNo, contactName, ContactCompanyNo,
        InteractionTemplateCode, Description, Subject, LanguageCode, CorrespondenceType, CostLcy, DurationMin, Date,
        TimeOfInteraction, Evaluation, AttemptFailed, CampaignNo, CampaignTarget, CampaignResponse, SalespersonCode, OpportunityNo, AttachmentNo is not null);
}
