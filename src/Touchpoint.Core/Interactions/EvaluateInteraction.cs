using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Rule 23, "Evaluate Interaction": stores one of Very Positive … Very Negative on every selected entry, all or none.
/// BC offers only those five, so an evaluation cannot be cleared back to blank here either. Postponed entries are
/// not in the log (409).
/// </summary>
public sealed class EvaluateInteraction(ITouchpointDb db)
{
    public async Task<int> HandleAsync(IReadOnlyCollection<long> entryNos, Evaluation? evaluation, CancellationToken ct = default)
    {
        if (entryNos.Count == 0)
        {
            throw DomainException.Invalid("entryNos", Messages.Get("EntryNosRequired"));
        }
        if (evaluation is null)
        {
            throw DomainException.Invalid("evaluation", Messages.Get("EvaluationChoose"));
        }
        var wanted = entryNos.Distinct().ToList();
        var entries = await db.InteractionLogEntries.Where(e => wanted.Contains(e.EntryNo)).ToListAsync(ct);
        var missing = wanted.Except(entries.Select(e => e.EntryNo)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", string.Join(", ", missing)));
        }
        foreach (var entry in entries.OrderBy(e => e.EntryNo))
        {
            entry.Evaluate(evaluation.Value);
        }
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
