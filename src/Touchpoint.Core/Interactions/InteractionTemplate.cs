using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Interactions;

/// <summary>The fields a caller may set on a template; unset fields keep their value.</summary>
public sealed record InteractionTemplateFields
{
    public Optional<string?> InteractionGroupCode { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<decimal?> UnitCostLcy { get; init; }
    public Optional<decimal?> UnitDurationMin { get; init; }
    public Optional<InformationFlow?> InformationFlow { get; init; }
    public Optional<InitiatedBy?> InitiatedBy { get; init; }
    public Optional<CorrespondenceType?> CorrespondenceTypeDefault { get; init; }
    public Optional<WizardAction?> WizardAction { get; init; }
    public Optional<bool?> IgnoreContactCorresType { get; init; }
    public Optional<string?> LanguageCodeDefault { get; init; }
    public Optional<string?> CampaignNo { get; init; }
    public Optional<bool?> CampaignTarget { get; init; }
    public Optional<bool?> CampaignResponse { get; init; }
}

public sealed record InteractionTemplateDto(
    string Code,
    string InteractionGroupCode,
    string Description,
    decimal UnitCostLcy,
    decimal UnitDurationMin,
    InformationFlow InformationFlow,
    InitiatedBy InitiatedBy,
    CorrespondenceType CorrespondenceTypeDefault,
    WizardAction WizardAction,
    bool IgnoreContactCorresType,
    string? LanguageCodeDefault,
    string? CampaignNo,
    bool CampaignTarget,
    bool CampaignResponse,
    bool HasAttachment);

/// <summary>
/// BC table 5064 Interaction Template: the model of an interaction, whose values become the defaults of each entry
/// made with it. BC's report layouts and separate Word Template Code have no meaning here: a template language's
/// attachment that is a Word document (.docx) is the mail-merge template.
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

    /// <summary>A new template with its code; the use case applies the fields (and requires the group).</summary>
    public static InteractionTemplate Create(string? code, FieldErrors errors) => new()
    {
        Code = errors.MaxLength("code", errors.Required("code", Codes.Normalize(code)), CodeLength) ?? "",
    };

    /// <summary>The plain fields; the default language and the wizard action follow rules 1–2 in the use case.</summary>
    public void Apply(InteractionTemplateFields fields, FieldErrors errors)
    {
        if (fields.InteractionGroupCode.IsSet)
        {
            InteractionGroupCode = errors.MaxLength("interactionGroupCode",
                errors.Required("interactionGroupCode", Codes.Normalize(fields.InteractionGroupCode.Value)), InteractionGroup.CodeLength) ?? "";
        }
        if (fields.Description.IsSet)
        {
            Description = errors.MaxLength("description", fields.Description.Value?.Trim(), DescriptionLength) ?? "";
        }
        UnitCostLcy = Amounts.Read(fields.UnitCostLcy, UnitCostLcy, "unitCostLcy", errors);
        UnitDurationMin = Amounts.Read(fields.UnitDurationMin, UnitDurationMin, "unitDurationMin", errors);
        InformationFlow = fields.InformationFlow.IsSet ? fields.InformationFlow.Value ?? InformationFlow.None : InformationFlow;
        InitiatedBy = fields.InitiatedBy.IsSet ? fields.InitiatedBy.Value ?? InitiatedBy.None : InitiatedBy;
        CorrespondenceTypeDefault = fields.CorrespondenceTypeDefault.IsSet
            ? fields.CorrespondenceTypeDefault.Value ?? CorrespondenceType.None : CorrespondenceTypeDefault;
        IgnoreContactCorresType = fields.IgnoreContactCorresType.IsSet ? fields.IgnoreContactCorresType.Value ?? false : IgnoreContactCorresType;
        if (fields.CampaignNo.IsSet)
        {
            CampaignNo = errors.MaxLength("campaignNo", Codes.Normalize(fields.CampaignNo.Value), 20);
        }
        CampaignTarget = fields.CampaignTarget.IsSet ? fields.CampaignTarget.Value ?? false : CampaignTarget;
        CampaignResponse = fields.CampaignResponse.IsSet ? fields.CampaignResponse.Value ?? false : CampaignResponse;
    }

    /// <summary>
    /// Rule 1: the default language is one of the template's languages (the use case creates a missing one first,
    /// BC's "Do you want to create …?" answered Yes). Afterwards a Merge that the language's attachment cannot serve
    /// is reset to none.
    /// </summary>
    public void SetDefaultLanguage(string? languageCode, Attachment? attachment)
    {
        LanguageCodeDefault = languageCode;
        if (WizardAction == WizardAction.Merge && attachment?.IsWordDocument != true)
        {
            WizardAction = WizardAction.None;
        }
    }

    /// <summary>
    /// Rule 2: with a default language, Merge needs a Word document to merge; without languages every value is
    /// accepted (BC: "%1 = %2 can not be specified for %3 %4.").
    /// </summary>
    public void SetWizardAction(WizardAction action, bool hasDefaultLanguage, Attachment? attachment, FieldErrors errors)
    {
        if (hasDefaultLanguage && action == WizardAction.Merge && attachment?.IsWordDocument != true)
        {
            errors.Add("wizardAction", Messages.Get("WizardActionNotAllowed", Messages.Field("wizardAction"), action.ToString(), Code)
                + " " + Messages.Get("WizardActionMergeNeedsWord"));
            return;
        }
        WizardAction = action;
    }

    public InteractionTemplateDto ToDto(bool hasAttachment) => new(Code, InteractionGroupCode, Description, UnitCostLcy,
        UnitDurationMin, InformationFlow, InitiatedBy, CorrespondenceTypeDefault, WizardAction, IgnoreContactCorresType,
        LanguageCodeDefault, CampaignNo, CampaignTarget, CampaignResponse, hasAttachment);
}

/// <summary>
/// BC table 5103 Interaction Tmpl. Language: a language version of a template, with at most one attachment (the
/// letter, the e-mail body, the Word document to merge).
/// </summary>
public sealed class InteractionTemplateLanguage
{
    public const int LanguageCodeLength = 10;

    private InteractionTemplateLanguage()
    {
    }

    public InteractionTemplateLanguage(string interactionTemplateCode, string languageCode, string description)
    {
        InteractionTemplateCode = interactionTemplateCode;
        LanguageCode = languageCode;
        Description = description;
    }

    public string InteractionTemplateCode { get; private set; } = "";
    public string LanguageCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public long? AttachmentNo { get; private set; }

    public void SetAttachment(long? attachmentNo) => AttachmentNo = attachmentNo;
}

public record InteractionTemplateLanguageDto(string LanguageCode, string Description, bool HasAttachment,
    string? AttachmentFileName, long? AttachmentSize);

/// <summary>The answer to an upload: the language as read, and the merge fields of its Word letter (rule 49).</summary>
public sealed record UploadedTemplateLanguageDto : InteractionTemplateLanguageDto
{
    public UploadedTemplateLanguageDto(InteractionTemplateLanguageDto language, LetterFieldsDto fields) : base(language)
    {
        ArgumentNullException.ThrowIfNull(fields);
        MergeFields = fields.MergeFields;
        UnknownMergeFields = fields.UnknownMergeFields;
    }

    public IReadOnlyList<string> MergeFields { get; }
    public IReadOnlyList<string> UnknownMergeFields { get; }
}
