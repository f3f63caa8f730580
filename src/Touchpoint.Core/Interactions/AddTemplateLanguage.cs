using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Adds a language version to a template. A template that records documents (it is in the interaction template
/// setup) may not get languages (rule 53), so that is refused here rather than at the next printed invoice.
/// </summary>
public sealed class AddTemplateLanguage(ITouchpointDb db, ListTemplateLanguages read)
{
    public async Task<InteractionTemplateLanguageDto> HandleAsync(string templateCode, string? languageCode, Optional<string?> description, CancellationToken ct = default)
    {
        templateCode = Codes.Normalize(templateCode) ?? "";
        var template = await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == templateCode, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", templateCode));
        var errors = new FieldErrors();
        var code = errors.MaxLength("languageCode", errors.Required("languageCode", Codes.Normalize(languageCode)), InteractionTemplateLanguage.LanguageCodeLength);
        var text = description.IsSet ? errors.MaxLength("description", description.Value?.Trim(), InteractionTemplate.DescriptionLength) : null;
        errors.ThrowIfAny();
        if (await db.InteractionTemplateLanguages.AnyAsync(l => l.InteractionTemplateCode == templateCode && l.LanguageCode == code, ct))
        {
            throw DomainException.Conflict(Messages.Get("TemplateLanguageExists", templateCode, code), "languageCode");
        }
        var uses = (await InteractionTemplateRules.SetupUsesAsync(db, templateCode, ct))
            .Where(k => k != InteractionTemplateSetupFields.MeetingInvitation).ToList();
        if (uses.Count > 0)
        {
            throw DomainException.Conflict(Messages.Get("TemplateUsedForDocumentsNoLanguages", templateCode, string.Join(", ", uses)), "languageCode");
        }
        db.InteractionTemplateLanguages.Add(new InteractionTemplateLanguage(templateCode, code!, string.IsNullOrEmpty(text) ? template.Description : text));
        await db.SaveChangesAsync(ct);
        return await read.GetAsync(templateCode, code!, ct);
    }
}
