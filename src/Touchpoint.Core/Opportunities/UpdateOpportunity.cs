using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

public sealed class UpdateOpportunity(ITouchpointDb db, TimeProvider clock)
{
    public async Task<OpportunityDto> HandleAsync(string no, OpportunityFields fields, string? userId = null, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("OpportunityNotFound", no));
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var before = opportunity.Pipeline;
        opportunity.Apply(fields, errors, today);
        await OpportunityRules.CheckAsync(db, opportunity, fields, errors, ct);
        errors.ThrowIfAny();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (opportunity.Pipeline != before)
        {
            // Rule 68: a change of the pipeline is a new entry, and only the newest entry is active.
            await db.OpportunityEntries.Where(e => e.OpportunityNo == no && e.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Active, false), ct);
            db.OpportunityEntries.Add(OpportunityEntry.Record(no, today, opportunity.Pipeline, userId));
        }
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return opportunity.ToDto();
    }
}
