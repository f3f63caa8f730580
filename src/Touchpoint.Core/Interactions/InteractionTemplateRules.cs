using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>What creating and changing a template share: references, rule 1 (default language) and rule 2 (wizard action).</summary>
internal static class InteractionTemplateRules
{
    public static async Task ApplyAsync(ITouchpointDb db, InteractionTemplate template, InteractionTemplateFields fields,
        bool createMissingLanguage, FieldErrors errors, CancellationToken ct)
    {
        template.Apply(fields, errors);
        if (fields.InteractionGroupCode.IsSet && !errors.Has("interactionGroupCode")
            && !await db.InteractionGroups.AnyAsync(g => g.Code == template.InteractionGroupCode, ct))
        {
            errors.Add("interactionGroupCode", Messages.Get("InteractionGroupNotFound", template.InteractionGroupCode));
        }
        if (fields.CampaignNo.IsSet)
        {
            await References.CampaignAsync(db, template.CampaignNo, "campaignNo", errors, ct);
        }

        if (fields.LanguageCodeDefault.IsSet)
        {
            var languageCode = errors.MaxLength("languageCodeDefault", Codes.Normalize(fields.LanguageCodeDefault.Value), InteractionTemplateLanguage.LanguageCodeLength);
            if (languageCode is null)
            {
                template.SetDefaultLanguage(null, null);
            }
            else if (!errors.Has("languageCodeDefault"))
            {
                var language = await db.InteractionTemplateLanguages.FirstOrDefaultAsync(
                    l => l.InteractionTemplateCode == template.Code && l.LanguageCode == languageCode, ct);
                if (language is null)
                {
                    // BC asks "Do you want to create …?", default Yes; createLanguage=false is the No, which aborts.
                    if (!createMissingLanguage)
                    {
                        errors.Add("languageCodeDefault", Messages.Get("TemplateLanguageNotFound", template.Code, languageCode));
                    }
                    else
                    {
                        db.InteractionTemplateLanguages.Add(new InteractionTemplateLanguage(template.Code, languageCode, template.Description));
                        template.SetDefaultLanguage(languageCode, null);
                    }
                }
                else
                {
                    template.SetDefaultLanguage(languageCode, await AttachmentOfAsync(db, language.AttachmentNo, ct));
                }
            }
        }

        if (fields.WizardAction.IsSet)
        {
            var attachment = template.LanguageCodeDefault is null ? null : await DefaultAttachmentAsync(db, template.Code, template.LanguageCodeDefault, ct);
            template.SetWizardAction(fields.WizardAction.Value ?? WizardAction.None, template.LanguageCodeDefault is not null, attachment, errors);
        }
    }

    public static async Task<Attachment?> DefaultAttachmentAsync(ITouchpointDb db, string templateCode, string languageCode, CancellationToken ct)
    {
        var attachmentNo = await db.InteractionTemplateLanguages
            .Where(l => l.InteractionTemplateCode == templateCode && l.LanguageCode == languageCode)
            .Select(l => l.AttachmentNo).FirstOrDefaultAsync(ct);
        return await AttachmentOfAsync(db, attachmentNo, ct);
    }

    private static async Task<Attachment?> AttachmentOfAsync(ITouchpointDb db, long? attachmentNo, CancellationToken ct) =>
        attachmentNo is null ? null : await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.No == attachmentNo, ct);

    /// <summary>The setup fields (document types) that record with this template, for rule 53.</summary>
    public static async Task<IReadOnlyList<string>> SetupUsesAsync(ITouchpointDb db, string templateCode, CancellationToken ct)
    {
        var setup = await db.InteractionTemplateSetup.AsNoTracking().FirstOrDefaultAsync(ct);
        return setup is null ? [] : InteractionTemplateSetupFields.Uses(setup, templateCode);
    }
}
