using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>PATCH of a template, with BC's rules for the default language (1) and the wizard action (2).</summary>
public sealed class UpdateInteractionTemplate(ITouchpointDb db, ListInteractionTemplates read)
{
    public async Task<InteractionTemplateDto> HandleAsync(string code, InteractionTemplateFields fields, bool createLanguage = true, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var template = await db.InteractionTemplates.FirstOrDefaultAsync(t => t.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", code));
        var errors = new FieldErrors();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await InteractionTemplateRules.ApplyAsync(db, template, fields, createLanguage, errors, ct);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await read.GetAsync(template.Code, ct);
    }
}
