using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// BC table 5064 Interaction Template: the model of an interaction, whose values become the defaults of each entry
/// made with it. Its maintenance rules (1–6) and API arrive with the interactions feature.
/// </summary>
public sealed class InteractionTemplate
{
    public const int CodeLength = 10;
    public const int DescriptionLength = 100;

    private InteractionTemplate()
    {
    }

    public InteractionTemplate(string code, string interactionGroupCode, string description)
    {
        Code = code;
        InteractionGroupCode = interactionGroupCode;
        Description = description;
    }

    public string Code { get; private set; } = "";
    public string InteractionGroupCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal UnitCostLcy { get; set; }
    public decimal UnitDurationMin { get; set; }
    public InformationFlow InformationFlow { get; set; }
    public InitiatedBy InitiatedBy { get; set; }
    public CorrespondenceType CorrespondenceTypeDefault { get; set; }
    public WizardAction WizardAction { get; set; }
    public bool IgnoreContactCorresType { get; set; }
    public string? LanguageCodeDefault { get; set; }
    public string? CampaignNo { get; set; }
    public bool CampaignTarget { get; set; }
    public bool CampaignResponse { get; set; }
}
