using System.Linq.Expressions;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

/// <summary>The fields a caller may set on a segment; unset fields keep their value.</summary>
public sealed record SegmentFields
{
    public Optional<string?> Description { get; init; }
    public Optional<string?> InteractionTemplateCode { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<DateOnly?> Date { get; init; }
    public Optional<CorrespondenceType?> CorrespondenceTypeDefault { get; init; }
    public Optional<bool?> IgnoreContactCorresType { get; init; }
    public Optional<string?> LanguageCodeDefault { get; init; }
    public Optional<string?> SubjectDefault { get; init; }
    public Optional<string?> CampaignNo { get; init; }
    public Optional<bool?> CampaignTarget { get; init; }
    public Optional<bool?> CampaignResponse { get; init; }
    public Optional<decimal?> UnitCostLcy { get; init; }
    public Optional<decimal?> UnitDurationMin { get; init; }
    public Optional<InformationFlow?> InformationFlow { get; init; }
    public Optional<InitiatedBy?> InitiatedBy { get; init; }
    public Optional<string?> InteractionGroupCode { get; init; }
    public Optional<bool?> SendWordDocsAsAttmt { get; init; }
}

public sealed record SegmentDto(
    string No,
    string Description,
    string? InteractionTemplateCode,
    string? SalespersonCode,
    DateOnly Date,
    CorrespondenceType CorrespondenceTypeDefault,
    bool IgnoreContactCorresType,
    string? LanguageCodeDefault,
    string SubjectDefault,
    string? CampaignNo,
    bool CampaignTarget,
    bool CampaignResponse,
    decimal UnitCostLcy,
    decimal UnitDurationMin,
    InformationFlow InformationFlow,
    InitiatedBy InitiatedBy,
    string? InteractionGroupCode,
    bool SendWordDocsAsAttmt,
    int NoOfLines,
    decimal CostLcy,
    decimal DurationMin,
    int NoOfCriteriaActions)
{
    /// <summary>The header alone; <see cref="ListSegments"/> adds the line totals.</summary>
    public static readonly Expression<Func<SegmentHeader, SegmentDto>> Projection =
        s => new SegmentDto(s.No, s.Description, s.InteractionTemplateCode, s.SalespersonCode, s.Date,
            s.CorrespondenceTypeDefault, s.IgnoreContactCorresType, s.LanguageCodeDefault, s.SubjectDefault, s.CampaignNo,
            s.CampaignTarget, s.CampaignResponse, s.UnitCostLcy, s.UnitDurationMin, s.InformationFlow, s.InitiatedBy,
            s.InteractionGroupCode, s.SendWordDocsAsAttmt, 0, 0m, 0m, 0);
}

/// <summary>
/// BC table 5076 Segment Header: a list of contacts to log one interaction with, and the values each of its lines
/// starts from.
/// </summary>
public sealed class SegmentHeader
{
    public const int NoLength = 20;
    public const int DescriptionLength = 100;
    public const int SubjectLength = 100;
    public const int LanguageCodeLength = 10;

    private SegmentHeader()
    {
    }

    public string No { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? InteractionTemplateCode { get; private set; }
    public string? SalespersonCode { get; private set; }
    public DateOnly Date { get; private set; }
    public CorrespondenceType CorrespondenceTypeDefault { get; private set; }
    public bool IgnoreContactCorresType { get; private set; }
    public string? LanguageCodeDefault { get; private set; }
    public string SubjectDefault { get; private set; } = "";
    public string? CampaignNo { get; private set; }
    public bool CampaignTarget { get; private set; }
    public bool CampaignResponse { get; private set; }
    public decimal UnitCostLcy { get; private set; }
    public decimal UnitDurationMin { get; private set; }
    public InformationFlow InformationFlow { get; private set; }
    public InitiatedBy InitiatedBy { get; private set; }
    public string? InteractionGroupCode { get; private set; }
    public bool SendWordDocsAsAttmt { get; private set; }

    /// <summary>Rule 37: the date is the work date unless given.</summary>
    public static SegmentHeader Create(string no, DateOnly today, SegmentFields fields, InteractionTemplate? template, FieldErrors errors)
    {
        var segment = new SegmentHeader { No = no, Date = today };
        segment.Apply(fields, template, errors);
        return segment;
    }

    public void AssignNo(string no) => No = no;

    /// <summary>Rule 66: the first header-level language becomes the default; removing the default moves it.</summary>
    public void UseDefaultLanguage(string? languageCode) => LanguageCodeDefault = languageCode;

    /// <summary>The default language's subject is the header's default subject.</summary>
    public void UseDefaultSubject(string subject) => SubjectDefault = subject;

    /// <summary>
    /// <paramref name="template"/> is the template named by a sent interactionTemplateCode; its defaults are copied
    /// first (rule 39), so fields sent together with it win over the template's.
    /// </summary>
    public void Apply(SegmentFields fields, InteractionTemplate? template, FieldErrors errors)
    {
        if (fields.InteractionTemplateCode.IsSet)
        {
            InteractionTemplateCode = errors.MaxLength("interactionTemplateCode",
                Codes.Normalize(fields.InteractionTemplateCode.Value), InteractionTemplate.CodeLength);
            if (template is not null)
            {
                CopyFromTemplate(template);
            }
        }
        if (fields.Description.IsSet)
        {
            Description = errors.MaxLength("description", fields.Description.Value?.Trim(), DescriptionLength) ?? "";
        }
        if (fields.SalespersonCode.IsSet)
        {
            SalespersonCode = errors.MaxLength("salespersonCode", Codes.Normalize(fields.SalespersonCode.Value), 20);
        }
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
        CorrespondenceTypeDefault = fields.CorrespondenceTypeDefault.IsSet
            ? fields.CorrespondenceTypeDefault.Value ?? CorrespondenceType.None : CorrespondenceTypeDefault;
        IgnoreContactCorresType = fields.IgnoreContactCorresType.IsSet ? fields.IgnoreContactCorresType.Value ?? false : IgnoreContactCorresType;
        if (fields.LanguageCodeDefault.IsSet)
        {
            LanguageCodeDefault = errors.MaxLength("languageCodeDefault", Codes.Normalize(fields.LanguageCodeDefault.Value), LanguageCodeLength);
        }
        if (fields.SubjectDefault.IsSet)
        {
            SubjectDefault = errors.MaxLength("subjectDefault", fields.SubjectDefault.Value?.Trim(), SubjectLength) ?? "";
        }
        if (fields.CampaignNo.IsSet)
        {
            CampaignNo = errors.MaxLength("campaignNo", Codes.Normalize(fields.CampaignNo.Value), 20);
        }
        CampaignTarget = fields.CampaignTarget.IsSet ? fields.CampaignTarget.Value ?? false : CampaignTarget;
        CampaignResponse = fields.CampaignResponse.IsSet ? fields.CampaignResponse.Value ?? false : CampaignResponse;
        UnitCostLcy = Amounts.Read(fields.UnitCostLcy, UnitCostLcy, "unitCostLcy", errors);
        UnitDurationMin = Amounts.Read(fields.UnitDurationMin, UnitDurationMin, "unitDurationMin", errors);
        InformationFlow = fields.InformationFlow.IsSet ? fields.InformationFlow.Value ?? InformationFlow.None : InformationFlow;
        InitiatedBy = fields.InitiatedBy.IsSet ? fields.InitiatedBy.Value ?? InitiatedBy.None : InitiatedBy;
        if (fields.InteractionGroupCode.IsSet)
        {
            InteractionGroupCode = errors.MaxLength("interactionGroupCode", Codes.Normalize(fields.InteractionGroupCode.Value), InteractionGroup.CodeLength);
        }
        SendWordDocsAsAttmt = fields.SendWordDocsAsAttmt.IsSet ? fields.SendWordDocsAsAttmt.Value ?? false : SendWordDocsAsAttmt;
    }

    /// <summary>Rule 39: the header takes the template's defaults; a template without a campaign keeps the header's.</summary>
    private void CopyFromTemplate(InteractionTemplate template)
    {
        LanguageCodeDefault = template.LanguageCodeDefault;
        InteractionGroupCode = template.InteractionGroupCode;
        UnitCostLcy = template.UnitCostLcy;
        UnitDurationMin = template.UnitDurationMin;
        InformationFlow = template.InformationFlow;
        InitiatedBy = template.InitiatedBy;
        CampaignTarget = template.CampaignTarget;
        CampaignResponse = template.CampaignResponse;
        CorrespondenceTypeDefault = template.CorrespondenceTypeDefault;
        IgnoreContactCorresType = template.IgnoreContactCorresType;
        if (template.CampaignNo is not null)
        {
            CampaignNo = template.CampaignNo;
        }
    }

    public SegmentDto ToDto() => new(No, Description, InteractionTemplateCode, SalespersonCode, Date,
        CorrespondenceTypeDefault, IgnoreContactCorresType, LanguageCodeDefault, SubjectDefault, CampaignNo,
        CampaignTarget, CampaignResponse, UnitCostLcy, UnitDurationMin, InformationFlow, InitiatedBy,
        InteractionGroupCode, SendWordDocsAsAttmt, 0, 0m, 0m, 0);
}
