using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>BC page 5186: which template records each kind of document; unmapped kinds are null (and not recorded).</summary>
public sealed class GetInteractionTemplateSetup(ITouchpointDb db)
{
    public async Task<Dictionary<string, string?>> HandleAsync(CancellationToken ct = default)
    {
        // The page inserts the record if missing, as BC's does.
        var setup = await db.InteractionTemplateSetup.AsNoTracking().FirstOrDefaultAsync(ct) ?? new InteractionTemplateSetup();
        return InteractionTemplateSetupFields.ToDictionary(setup);
    }
}
