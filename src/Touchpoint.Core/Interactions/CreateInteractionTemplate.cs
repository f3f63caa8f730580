using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed class CreateInteractionTemplate(ITouchpointDb db, ListInteractionTemplates read)
{
    public async Task<InteractionTemplateDto> HandleAsync(string? code, InteractionTemplateFields fields, bool createLanguage = true, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var template = InteractionTemplate.Create(code, errors);
        if (!fields.InteractionGroupCode.IsSet)
        {
            errors.Required("interactionGroupCode", null);
        }
        if (!errors.Has("code") && await db.InteractionTemplates.AnyAsync(t => t.Code == template.Code, ct))
        {
            throw DomainException.Conflict(Messages.Get("InteractionTemplateExists", template.Code), "code");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The template row first: a default language created by rule 1 belongs to it.
        db.InteractionTemplates.Add(template);
        await InteractionTemplateRules.ApplyAsync(db, template, fields, createLanguage, errors, ct);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await read.GetAsync(template.Code, ct);
    }
}
