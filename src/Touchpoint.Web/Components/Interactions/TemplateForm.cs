using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Web.Components.Interactions;

/// <summary>What the interaction template card edits: the fields of <see cref="InteractionTemplateDto"/> as mutable properties.</summary>
internal sealed class TemplateForm
{
    public string? Code { get; set; }
    public string? InteractionGroupCode { get; set; }
    public string? Description { get; set; }
    public decimal UnitCostLcy { get; set; }
    public decimal UnitDurationMin { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public CorrespondenceType CorrespondenceTypeDefault { get; set; }
    public WizardAction WizardAction { get; set; }
    public bool IgnoreContactCorresType { get; set; }
    public string? LanguageCodeDefault { get; set; }
    public string? CampaignNo { get; set; }
    public string? CampaignDescription { get; set; }
    public bool CampaignTarget { get; set; }
    public bool CampaignResponse { get; set; }

    public static TemplateForm From(InteractionTemplateDto t) => new()
    {
        Code = t.Code,
        InteractionGroupCode = t.InteractionGroupCode,
        Description = t.Description,
        UnitCostLcy = t.UnitCostLcy,
        UnitDurationMin = t.UnitDurationMin,
        InformationFlow = t.InformationFlow,
        InitiatedBy = t.InitiatedBy,
        CorrespondenceTypeDefault = t.CorrespondenceTypeDefault,
        WizardAction = t.WizardAction,
        IgnoreContactCorresType = t.IgnoreContactCorresType,
        LanguageCodeDefault = t.LanguageCodeDefault,
        CampaignNo = t.CampaignNo,
        CampaignTarget = t.CampaignTarget,
        CampaignResponse = t.CampaignResponse,
    };

    /// <summary>Every field, for a new template.</summary>
    public InteractionTemplateFields ToFields() => new()
    {
        InteractionGroupCode = InteractionGroupCode,
        Description = Description ?? "",
        UnitCostLcy = UnitCostLcy,
        UnitDurationMin = UnitDurationMin,
        InformationFlow = InformationFlow,
        InitiatedBy = InitiatedBy,
        CorrespondenceTypeDefault = CorrespondenceTypeDefault,
        WizardAction = WizardAction,
        IgnoreContactCorresType = IgnoreContactCorresType,
        LanguageCodeDefault = LanguageCodeDefault,
        CampaignNo = CampaignNo,
        CampaignTarget = CampaignTarget,
        CampaignResponse = CampaignResponse,
    };

    /// <summary>
    /// Only what differs from the saved template, as a PATCH: an unchanged default language or wizard action is not
    /// validated again (rules 1 and 2 run for what the user changed, as BC's OnValidate does).
    /// </summary>
    public InteractionTemplateFields ChangesFrom(InteractionTemplateDto saved) => new()
    {
        InteractionGroupCode = CodeChange(InteractionGroupCode, saved.InteractionGroupCode),
        Description = TextChange(Description, saved.Description),
        UnitCostLcy = Change(UnitCostLcy, saved.UnitCostLcy),
        UnitDurationMin = Change(UnitDurationMin, saved.UnitDurationMin),
        InformationFlow = Change(InformationFlow, saved.InformationFlow),
        InitiatedBy = Change(InitiatedBy, saved.InitiatedBy),
        CorrespondenceTypeDefault = Change(CorrespondenceTypeDefault, saved.CorrespondenceTypeDefault),
        WizardAction = Change(WizardAction, saved.WizardAction),
        IgnoreContactCorresType = Change(IgnoreContactCorresType, saved.IgnoreContactCorresType),
        LanguageCodeDefault = CodeChange(LanguageCodeDefault, saved.LanguageCodeDefault),
        CampaignNo = CodeChange(CampaignNo, saved.CampaignNo),
        CampaignTarget = Change(CampaignTarget, saved.CampaignTarget),
        CampaignResponse = Change(CampaignResponse, saved.CampaignResponse),
    };

    private static Optional<T?> Change<T>(T value, T saved)
        where T : struct =>
        EqualityComparer<T>.Default.Equals(value, saved) ? default(Optional<T?>) : new Optional<T?>(true, value);

    private static Optional<string?> CodeChange(string? value, string? saved) =>
        Codes.Normalize(value) == Codes.Normalize(saved) ? default(Optional<string?>) : value;

    private static Optional<string?> TextChange(string? value, string? saved) =>
        (value?.Trim() ?? "") == (saved ?? "") ? default(Optional<string?>) : value ?? "";
}
