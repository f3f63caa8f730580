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
    string? OpportunityNo);

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
    /// Rule 40: a new line starts from the header. <paramref name="templateLanguage"/> is the contact's language when
    /// the header's template has it, so the line is written in it; otherwise the header's default language is used.
    /// </summary>
    public static SegmentLine Inherit(SegmentHeader header, int lineNo, Contact contact, InteractionTemplate? headerTemplate, string? templateLanguage) => new()
    {
        SegmentNo = header.No,
        LineNo = lineNo,
        ContactNo = contact.No,
        ContactCompanyNo = contact.CompanyNo,
        InteractionTemplateCode = header.InteractionTemplateCode,
        InteractionGroupCode = header.InteractionGroupCode,
        Description = header.Description,
        Subject = header.SubjectDefault,
        LanguageCode = templateLanguage ?? header.LanguageCodeDefault,
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
    /// The line's own values. <paramref name="template"/> is a template named by a sent interactionTemplateCode: its
    /// defaults are copied first, so values sent together with it win.
    /// </summary>
    public void Apply(SegmentLineFields fields, InteractionTemplate? template, FieldErrors errors)
    {
        if (fields.InteractionTemplateCode.IsSet)
        {
            InteractionTemplateCode = errors.MaxLength("interactionTemplateCode",
                Codes.Normalize(fields.InteractionTemplateCode.Value), InteractionTemplate.CodeLength);
            if (template is not null)
            {
                InteractionGroupCode = template.InteractionGroupCode;
                CostLcy = template.UnitCostLcy;
                DurationMin = template.UnitDurationMin;
                InformationFlow = template.InformationFlow;
                InitiatedBy = template.InitiatedBy;
                CampaignTarget = template.CampaignTarget;
                CampaignResponse = template.CampaignResponse;
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
        if (fields.LanguageCode.IsSet)
        {
            LanguageCode = errors.MaxLength("languageCode", Codes.Normalize(fields.LanguageCode.Value), SegmentHeader.LanguageCodeLength);
        }
        CorrespondenceType = fields.CorrespondenceType.IsSet ? fields.CorrespondenceType.Value ?? CorrespondenceType.None : CorrespondenceType;
        CostLcy = SegmentHeader.NotNegative(fields.CostLcy, CostLcy, "costLcy", errors);
        DurationMin = SegmentHeader.NotNegative(fields.DurationMin, DurationMin, "durationMin", errors);
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
    /// Rules 38–39: a line that follows the header takes the header values that were just changed; a new header
    /// template brings its values, and the header's language, to the line.
    /// </summary>
    public void FollowHeader(SegmentHeader header, SegmentFields changed, bool templateChanged)
    {
        if (templateChanged)
        {
            InteractionTemplateCode = header.InteractionTemplateCode;
            InteractionGroupCode = header.InteractionGroupCode;
            LanguageCode = header.LanguageCodeDefault;
            CostLcy = header.UnitCostLcy;
            DurationMin = header.UnitDurationMin;
            InformationFlow = header.InformationFlow;
            InitiatedBy = header.InitiatedBy;
            CampaignTarget = header.CampaignTarget;
            CampaignResponse = header.CampaignResponse;
            CampaignNo = header.CampaignNo;
        }
        Description = changed.Description.IsSet ? header.Description : Description;
        CampaignNo = changed.CampaignNo.IsSet ? header.CampaignNo : CampaignNo;
        SalespersonCode = changed.SalespersonCode.IsSet ? header.SalespersonCode : SalespersonCode;
        CorrespondenceType = changed.CorrespondenceTypeDefault.IsSet ? header.CorrespondenceTypeDefault : CorrespondenceType;
        CostLcy = changed.UnitCostLcy.IsSet ? header.UnitCostLcy : CostLcy;
        DurationMin = changed.UnitDurationMin.IsSet ? header.UnitDurationMin : DurationMin;
        Date = changed.Date.IsSet ? header.Date : Date;
        CampaignTarget = changed.CampaignTarget.IsSet ? header.CampaignTarget : CampaignTarget;
        CampaignResponse = changed.CampaignResponse.IsSet ? header.CampaignResponse : CampaignResponse;
        InformationFlow = changed.InformationFlow.IsSet ? header.InformationFlow : InformationFlow;
        InitiatedBy = changed.InitiatedBy.IsSet ? header.InitiatedBy : InitiatedBy;
        InteractionGroupCode = changed.InteractionGroupCode.IsSet ? header.InteractionGroupCode : InteractionGroupCode;
    }

    public SegmentLineDto ToDto(string? contactName) => new(LineNo, ContactNo, contactName, ContactCompanyNo,
        InteractionTemplateCode, Description, Subject, LanguageCode, CorrespondenceType, CostLcy, DurationMin, Date,
        TimeOfInteraction, Evaluation, AttemptFailed, CampaignNo, CampaignTarget, CampaignResponse, SalespersonCode, OpportunityNo);
}
