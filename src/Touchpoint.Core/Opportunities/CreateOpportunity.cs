using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Opportunities;

public sealed class CreateOpportunity(ITouchpointDb db, NoSeriesManagement noSeries, TimeProvider clock)
{
    public async Task<OpportunityDto> HandleAsync(string? no, OpportunityFields fields, string? userId = null, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var opportunityNo = errors.MaxLength("no", Codes.Normalize(no), Opportunity.NoLength);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var opportunity = Opportunity.Create(opportunityNo ?? "", today, fields, errors);
        await OpportunityRules.CheckAsync(db, opportunity, fields, errors, ct);
        errors.ThrowIfAny();
        if (opportunityNo is not null)
        {
            if (await db.Opportunities.AnyAsync(o => o.No == opportunityNo, ct))
            {
                throw DomainException.Conflict(Messages.Get("OpportunityExists", opportunityNo), "no");
            }
        }
        else
        {
            opportunityNo = await noSeries.GetNextNoAsync(NoSeriesLine.Opportunities, n => db.Opportunities.AnyAsync(o => o.No == n, ct), ct);
        }
        opportunity.AssignNo(opportunityNo);
        db.Opportunities.Add(opportunity);
        // Rule 68: the history starts with the opportunity's first values.
        db.OpportunityEntries.Add(OpportunityEntry.Record(opportunityNo, today, opportunity.Pipeline, userId));
        await db.SaveChangesAsync(ct);
        return opportunity.ToDto();
    }
}
