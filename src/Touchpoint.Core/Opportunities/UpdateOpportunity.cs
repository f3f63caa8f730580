using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

public sealed class UpdateOpportunity(ITouchpointDb db, TimeProvider clock)
{
    public async Task<OpportunityDto> HandleAsync(string no, OpportunityFields fields, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("OpportunityNotFound", no));
        var errors = new FieldErrors();
        opportunity.Apply(fields, errors, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        await OpportunityRules.CheckAsync(db, opportunity, fields, errors, ct);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return opportunity.ToDto();
    }
}
