using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Rule 4: deleting a template deletes its languages and their attachments. A template the interaction template
/// setup records documents with is refused, naming the setup fields: deleting it would silently stop the logging.
/// </summary>
public sealed class DeleteInteractionTemplate(ITouchpointDb db, AttachmentStore attachments, AuditTrail audit)
{
    public async Task HandleAsync(string code, string userId, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        if (!await db.InteractionTemplates.AnyAsync(t => t.Code == code, ct))
        {
            throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", code));
        }
        var uses = await InteractionTemplateRules.SetupUsesAsync(db, code, ct);
        if (uses.Count > 0)
        {
            throw DomainException.Conflict(Messages.Get("InteractionTemplateUsedInSetup", code, string.Join(", ", uses)));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var attachmentNos = await db.InteractionTemplateLanguages.Where(l => l.InteractionTemplateCode == code && l.AttachmentNo != null)
            .Select(l => l.AttachmentNo!.Value).ToListAsync(ct);
        await db.InteractionTemplateLanguages.Where(l => l.InteractionTemplateCode == code).ExecuteDeleteAsync(ct);
        foreach (var no in attachmentNos)
        {
            await attachments.RemoveAsync(no, ct);
        }
        await db.InteractionTemplates.Where(t => t.Code == code).ExecuteDeleteAsync(ct);
        await audit.SaveAsync(AuditActions.Delete, AuditEntities.InteractionTemplate, code,
            AuditTrail.Describe(("languages", attachmentNos.Count > 0 ? attachmentNos.Count : null)), userId, ct);
        await transaction.CommitAsync(ct);
    }
}
