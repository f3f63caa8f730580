using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>Deletes a group that no template belongs to; a group with templates is refused with their number.</summary>
public sealed class DeleteInteractionGroup(ITouchpointDb db)
{
    public async Task HandleAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var group = await db.InteractionGroups.FirstOrDefaultAsync(g => g.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionGroupNotFound", code));
        var templates = await db.InteractionTemplates.CountAsync(t => t.InteractionGroupCode == code, ct);
        if (templates > 0)
        {
            throw DomainException.Conflict(Messages.Get("InteractionGroupHasTemplates", code, templates));
        }
        db.InteractionGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }
}
