using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed class ListTemplateLanguages(ITouchpointDb db)
{
    public async Task<IReadOnlyList<InteractionTemplateLanguageDto>> HandleAsync(string templateCode, CancellationToken ct = default)
    {
        templateCode = Codes.Normalize(templateCode) ?? "";
        if (!await db.InteractionTemplates.AnyAsync(t => t.Code == templateCode, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", templateCode));
        }
        // A template has a handful of languages: ordered here, after the join that EF cannot order on.
        var languages = await Project(db.InteractionTemplateLanguages.AsNoTracking().Where(l => l.InteractionTemplateCode == templateCode))
            .ToListAsync(ct);
        return languages.OrderBy(l => l.LanguageCode, StringComparer.Ordinal).ToList();
    }

    public async Task<InteractionTemplateLanguageDto> GetAsync(string templateCode, string languageCode, CancellationToken ct = default) =>
        await Project(db.InteractionTemplateLanguages.AsNoTracking()
                .Where(l => l.InteractionTemplateCode == templateCode && l.LanguageCode == languageCode))
            .FirstOrDefaultAsync(ct)
        ?? throw DomainException.NotFound(Messages.Get("TemplateLanguageNotFound", templateCode, languageCode));

    private IQueryable<InteractionTemplateLanguageDto> Project(IQueryable<InteractionTemplateLanguage> languages) =>
        from l in languages
        join a in db.Attachments on l.AttachmentNo equals a.No into attachment
        from a in attachment.DefaultIfEmpty()
        select new InteractionTemplateLanguageDto(l.LanguageCode, l.Description, l.AttachmentNo != null,
            a == null ? null : a.FileName, a == null ? null : a.Size);
}
