using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Segments;

namespace Touchpoint.Web.Components.Segments;

/// <summary>What the segment card edits: the header fields of <see cref="SegmentDto"/> as mutable properties.</summary>
internal sealed class SegmentForm
{
    public string? No { get; set; }
    public string? Description { get; set; }
    public string? InteractionTemplateCode { get; set; }
    public string? SalespersonCode { get; set; }
    public DateOnly? Date { get; set; }
    public CorrespondenceType CorrespondenceTypeDefault { get; set; }
    public bool IgnoreContactCorresType { get; set; }
    public string? LanguageCodeDefault { get; set; }
    public string? SubjectDefault { get; set; }
    public string? CampaignNo { get; set; }
    public string? CampaignDescription { get; set; }
    public bool CampaignTarget { get; set; }
    public bool CampaignResponse { get; set; }
    public decimal UnitCostLcy { get; set; }
    public decimal UnitDurationMin { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public bool SendWordDocsAsAttmt { get; set; }

    public static SegmentForm From(SegmentDto s) => new()
    {
        No = s.No,
        Description = s.Description,
        InteractionTemplateCode = s.InteractionTemplateCode,
        SalespersonCode = s.SalespersonCode,
        Date = s.Date,
        CorrespondenceTypeDefault = s.CorrespondenceTypeDefault,
        IgnoreContactCorresType = s.IgnoreContactCorresType,
        LanguageCodeDefault = s.LanguageCodeDefault,
        SubjectDefault = s.SubjectDefault,
        CampaignNo = s.CampaignNo,
        CampaignTarget = s.CampaignTarget,
        CampaignResponse = s.CampaignResponse,
        UnitCostLcy = s.UnitCostLcy,
        UnitDurationMin = s.UnitDurationMin,
        InformationFlow = s.InformationFlow,
        InitiatedBy = s.InitiatedBy,
        SendWordDocsAsAttmt = s.SendWordDocsAsAttmt,
    };

    /// <summary>
    /// Rule 39 as BC's OnValidate of the header's template: the template's defaults fill the header at once, so the
    /// user sees (and may still change) what the segment will use.
    /// </summary>
    public void ApplyTemplate(InteractionTemplateDto template)
    {
        LanguageCodeDefault = template.LanguageCodeDefault;
        UnitCostLcy = template.UnitCostLcy;
        UnitDurationMin = template.UnitDurationMin;
        InformationFlow = template.InformationFlow;
        InitiatedBy = template.InitiatedBy;
        CampaignTarget = template.CampaignTarget;
        CampaignResponse = template.CampaignResponse;
        CorrespondenceTypeDefault = template.CorrespondenceTypeDefault;
        IgnoreContactCorresType = template.IgnoreContactCorresType;
        if (template.CampaignNo is { } campaign && campaign != Codes.Normalize(CampaignNo))
        {
            CampaignNo = campaign;
            CampaignDescription = null;
        }
    }

    /// <summary>Every field, for a new segment; no date leaves it to the server's work date (rule 37).</summary>
    public SegmentFields ToFields() => new()
    {
        Description = Description ?? "",
        InteractionTemplateCode = InteractionTemplateCode,
        SalespersonCode = SalespersonCode,
        Date = Date is null ? default(Optional<DateOnly?>) : Date,
        CorrespondenceTypeDefault = CorrespondenceTypeDefault,
        IgnoreContactCorresType = IgnoreContactCorresType,
        LanguageCodeDefault = LanguageCodeDefault,
        SubjectDefault = SubjectDefault ?? "",
        CampaignNo = CampaignNo,
        CampaignTarget = CampaignTarget,
        CampaignResponse = CampaignResponse,
        UnitCostLcy = UnitCostLcy,
        UnitDurationMin = UnitDurationMin,
        InformationFlow = InformationFlow,
        InitiatedBy = InitiatedBy,
        SendWordDocsAsAttmt = SendWordDocsAsAttmt,
    };

    /// <summary>
    /// Only what differs from the saved segment, as a PATCH: UpdateSegment pushes to the lines exactly the fields sent
    /// (rule 38), so an unchanged field must not be sent.
    /// </summary>
    public SegmentFields ChangesFrom(SegmentDto saved) => new()
    {
        Description = TextChange(Description, saved.Description),
        InteractionTemplateCode = CodeChange(InteractionTemplateCode, saved.InteractionTemplateCode),
        SalespersonCode = CodeChange(SalespersonCode, saved.SalespersonCode),
        Date = Date == saved.Date ? default(Optional<DateOnly?>) : Date,
        CorrespondenceTypeDefault = Change(CorrespondenceTypeDefault, saved.CorrespondenceTypeDefault),
        IgnoreContactCorresType = Change(IgnoreContactCorresType, saved.IgnoreContactCorresType),
        LanguageCodeDefault = CodeChange(LanguageCodeDefault, saved.LanguageCodeDefault),
        SubjectDefault = TextChange(SubjectDefault, saved.SubjectDefault),
        CampaignNo = CodeChange(CampaignNo, saved.CampaignNo),
        CampaignTarget = Change(CampaignTarget, saved.CampaignTarget),
        CampaignResponse = Change(CampaignResponse, saved.CampaignResponse),
        UnitCostLcy = Change(UnitCostLcy, saved.UnitCostLcy),
        UnitDurationMin = Change(UnitDurationMin, saved.UnitDurationMin),
        InformationFlow = Change(InformationFlow, saved.InformationFlow),
        InitiatedBy = Change(InitiatedBy, saved.InitiatedBy),
        SendWordDocsAsAttmt = Change(SendWordDocsAsAttmt, saved.SendWordDocsAsAttmt),
    };

    public static bool Any(SegmentFields f) =>
        f.Description.IsSet || f.InteractionTemplateCode.IsSet || f.SalespersonCode.IsSet || f.Date.IsSet
        || f.CorrespondenceTypeDefault.IsSet || f.IgnoreContactCorresType.IsSet || f.LanguageCodeDefault.IsSet
        || f.SubjectDefault.IsSet || f.CampaignNo.IsSet || f.CampaignTarget.IsSet || f.CampaignResponse.IsSet
        || f.UnitCostLcy.IsSet || f.UnitDurationMin.IsSet || f.InformationFlow.IsSet || f.InitiatedBy.IsSet
        || f.SendWordDocsAsAttmt.IsSet;

    /// <summary>
    /// Rule 38: the changed header fields that reach the lines with the header's template, as resource keys of their
    /// captions (the fields <see cref="SegmentLine.FollowHeader"/> takes).
    /// </summary>
    public static IReadOnlyList<string> ChangedLineFields(SegmentFields f)
    {
        var keys = new List<string>();
        Add(f.Description.IsSet, "Description");
        Add(f.CampaignNo.IsSet, "CampaignNo");
        Add(f.SalespersonCode.IsSet, "SalespersonCode");
        Add(f.CorrespondenceTypeDefault.IsSet, "CorrespondenceTypeDefault");
        Add(f.UnitCostLcy.IsSet, "UnitCostLcy");
        Add(f.UnitDurationMin.IsSet, "UnitDurationMin");
        Add(f.Date.IsSet, "Date");
        Add(f.CampaignTarget.IsSet, "CampaignTarget");
        Add(f.CampaignResponse.IsSet, "CampaignResponse");
        Add(f.InformationFlow.IsSet, "InformationFlow");
        Add(f.InitiatedBy.IsSet, "InitiatedBy");
        Add(f.SubjectDefault.IsSet, "SubjectDefault");
        return keys;

        void Add(bool changed, string key)
        {
            if (changed)
            {
                keys.Add(key);
            }
        }
    }

    private static Optional<T?> Change<T>(T value, T saved)
        where T : struct =>
        EqualityComparer<T>.Default.Equals(value, saved) ? default(Optional<T?>) : new Optional<T?>(true, value);

    private static Optional<string?> CodeChange(string? value, string? saved) =>
        Codes.Normalize(value) == Codes.Normalize(saved) ? default(Optional<string?>) : value;

    private static Optional<string?> TextChange(string? value, string? saved) =>
        (value?.Trim() ?? "") == (saved ?? "") ? default(Optional<string?>) : value ?? "";
}
