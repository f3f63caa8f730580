using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Removes a language version and its attachment. When it was the template's default language the template has
/// none afterwards, and a Merge it can no longer do is reset (rule 1).
/// </summary>
public sealed class RemoveTemplateLanguage(ITouchpointDb db, AttachmentStore attachments)
{
    public async Task HandleAsync(string templateCode, string languageCode, CancellationToken ct = default)
    {
        templateCode = Codes.Normalize(templateCode) ?? "";
        languageCode = Codes.Normalize(languageCode) ?? "";
        var language = await db.InteractionTemplateLanguages
            .FirstOrDefaultAsync(l => l.InteractionTemplateCode == templateCode && l.LanguageCode == languageCode, ct)
            ?? throw DomainException.NotFound(Messages.Get("TemplateLanguageNotFound", templateCode, languageCode));
        var template = await db.InteractionTemplates.FirstAsync(t => t.Code == templateCode, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (template.LanguageCodeDefault == languageCode)
        {
            template.SetDefaultLanguage(null, null);
        }
        db.InteractionTemplateLanguages.Remove(language);
        await db.SaveChangesAsync(ct);
        if (language.AttachmentNo is { } no)
        {
            await attachments.RemoveAsync(no, ct);
        }
        await transaction.CommitAsync(ct);
    }
}
