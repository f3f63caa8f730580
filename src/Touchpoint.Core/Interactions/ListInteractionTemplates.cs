using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>Templates by code, keyset-paged; filter by group, search in code and description.</summary>
public sealed class ListInteractionTemplates(ITouchpointDb db)
{
    public async Task<Page<InteractionTemplateDto>> HandleAsync(string? search, string? interactionGroupCode, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1)?[0];
        var query = db.InteractionTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(t => t.Code.Contains(term) || t.Description.ToUpper().Contains(term));
        }
        if (Codes.Normalize(interactionGroupCode) is { } group)
        {
            query = query.Where(t => t.InteractionGroupCode == group);
        }
        if (after is not null)
        {
            query = query.Where(t => string.Compare(t.Code, after) > 0);
        }
        var rows = await Project(query.OrderBy(t => t.Code).Take(take + 1)).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.Code]);
    }

    public async Task<InteractionTemplateDto> GetAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        return await Project(db.InteractionTemplates.AsNoTracking().Where(t => t.Code == code)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", code));
    }

    // hasAttachment is BC's "Attachment No." FlowField: the attachment of the default language.
    private IQueryable<InteractionTemplateDto> Project(IQueryable<InteractionTemplate> templates) =>
        templates.Select(t => new InteractionTemplateDto(t.Code, t.InteractionGroupCode, t.Description, t.UnitCostLcy,
            t.UnitDurationMin, t.InformationFlow, t.InitiatedBy, t.CorrespondenceTypeDefault, t.WizardAction,
            t.IgnoreContactCorresType, t.LanguageCodeDefault, t.CampaignNo, t.CampaignTarget, t.CampaignResponse,
            db.InteractionTemplateLanguages.Any(l => l.InteractionTemplateCode == t.Code && l.LanguageCode == t.LanguageCodeDefault && l.AttachmentNo != null)));
}
