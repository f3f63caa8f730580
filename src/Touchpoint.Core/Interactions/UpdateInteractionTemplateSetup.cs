using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Sets templates in the interaction template setup. Rule 53: a template with languages cannot record documents
/// (BC refuses it at logging time; refusing it here says so when it can still be fixed).
/// </summary>
public sealed class UpdateInteractionTemplateSetup(ITouchpointDb db, GetInteractionTemplateSetup read, AuditTrail audit)
{
    public async Task<Dictionary<string, string?>> HandleAsync(IReadOnlyDictionary<string, string?> changes, string userId, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var changed = new List<(string Name, object? Value)>();
        var setup = await db.InteractionTemplateSetup.FirstOrDefaultAsync(ct);
        if (setup is null)
        {
            setup = new InteractionTemplateSetup();
            db.InteractionTemplateSetup.Add(setup);
        }
        foreach (var (key, value) in changes)
        {
            var field = InteractionTemplateSetupFields.Find(key);
            if (field is null)
            {
                errors.Add(key, Messages.Get("FieldUnknown", key, string.Join(", ", InteractionTemplateSetupFields.Keys)));
                continue;
            }
            var code = errors.MaxLength(key, Codes.Normalize(value), InteractionTemplate.CodeLength);
            if (code is not null && !errors.Has(key))
            {
                if (!await db.InteractionTemplates.AnyAsync(t => t.Code == code, ct))
                {
                    errors.Add(key, Messages.Get("InteractionTemplateNotFound", code));
                    continue;
                }
                var language = await db.InteractionTemplateLanguages.Where(l => l.InteractionTemplateCode == code)
                    .Select(l => l.LanguageCode).FirstOrDefaultAsync(ct);
                if (language is not null && field.Key != InteractionTemplateSetupFields.MeetingInvitation)
                {
                    errors.Add(key, Messages.Get("TemplateWithLanguagesInSetup", code, language));
                    continue;
                }
            }
            var old = (string?)field.Property.GetValue(setup);
            if (old != code)
            {
                changed.Add((field.Key, $"{old ?? "-"} -> {code ?? "-"}"));
            }
            field.Property.SetValue(setup, code);
        }
        errors.ThrowIfAny();
        if (changed.Count > 0)
        {
            audit.Add(AuditActions.Change, AuditEntities.InteractionTemplateSetup, "", AuditTrail.Describe([.. changed]), userId);
        }
        await db.SaveChangesAsync(ct);
        return await read.HandleAsync(ct);
    }
}
