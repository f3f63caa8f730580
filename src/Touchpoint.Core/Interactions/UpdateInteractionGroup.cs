using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed class UpdateInteractionGroup(ITouchpointDb db)
{
    public async Task<InteractionGroupDto> HandleAsync(string code, Optional<string?> description, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var group = await db.InteractionGroups.FirstOrDefaultAsync(g => g.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionGroupNotFound", code));
        var errors = new FieldErrors();
        group.Apply(description, errors);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return group.ToDto();
    }
}
