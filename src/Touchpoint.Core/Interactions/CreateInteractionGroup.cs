using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed class CreateInteractionGroup(ITouchpointDb db)
{
    public async Task<InteractionGroupDto> HandleAsync(string? code, Optional<string?> description, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var group = InteractionGroup.Create(code, description, errors);
        errors.ThrowIfAny();
        if (await db.InteractionGroups.AnyAsync(g => g.Code == group.Code, ct))
        {
            throw DomainException.Conflict(Messages.Get("InteractionGroupExists", group.Code), "code");
        }
        db.InteractionGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group.ToDto();
    }
}
