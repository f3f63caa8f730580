using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Rule 27: resuming a postponed interaction opens the wizard with its values; finishing completes the same entry
/// (same entry no.), postponing again keeps it postponed. Values the caller does not give are the entry's own; the
/// date is today's unless given (BC sets WorkDate on resume); comments are replaced when the caller gives them.
/// </summary>
public sealed class ResumePostponedInteraction(ITouchpointDb db, CreateInteraction create, LogInteraction log, GetInteractionLogEntry read, TimeProvider clock)
{
    public async Task<InteractionLogEntryDto> HandleAsync(long entryNo, CreateInteractionRequest request, string userId, CancellationToken ct = default)
    {
        var entry = await db.InteractionLogEntries.FirstOrDefaultAsync(e => e.EntryNo == entryNo && e.Postponed, ct)
            ?? throw DomainException.NotFound(Messages.Get("PostponedInteractionNotFound", entryNo));
        var comments = request.Comments ?? await db.InteractionLogEntryComments.AsNoTracking().Where(c => c.EntryNo == entryNo)
            .OrderBy(c => c.LineNo).Select(c => c.Comment).ToListAsync(ct);
        var merged = request with
        {
            ContactNo = request.ContactNo ?? entry.ContactNo,
            InteractionTemplateCode = request.InteractionTemplateCode ?? entry.InteractionTemplateCode,
            SalespersonCode = request.SalespersonCode ?? entry.SalespersonCode,
            Date = request.Date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            TimeOfInteraction = request.TimeOfInteraction ?? entry.TimeOfInteraction,
            Description = request.Description ?? entry.Description,
            CostLcy = request.CostLcy ?? entry.CostLcy,
            DurationMin = request.DurationMin ?? entry.DurationMin,
            CorrespondenceType = request.CorrespondenceType ?? entry.CorrespondenceType,
            LanguageCode = request.LanguageCode ?? entry.InteractionLanguageCode,
            Evaluation = request.Evaluation ?? entry.Evaluation,
            AttemptFailed = request.AttemptFailed ?? entry.AttemptFailed,
            CampaignNo = request.CampaignNo ?? entry.CampaignNo,
            CampaignTarget = request.CampaignTarget ?? entry.CampaignTarget,
            CampaignResponse = request.CampaignResponse ?? entry.CampaignResponse,
            OpportunityNo = request.OpportunityNo ?? entry.OpportunityNo,
            Comments = comments,
        };
        // Rule 22: a file of the user's own, imported while resuming, replaces the one the entry kept.
        await create.WithOwnLetterAsync(request.Letter, async own =>
        {
            var line = await create.BuildLineAsync(merged, own, ct);
            return await log.HandleAsync(new LineToLog
            {
                Line = line,
                UserId = userId,
                CampaignEntryDescription = Messages.Get("CampaignEntryInteractions"),
                Postponed = request.Postpone,
                Resume = entry,
                // Rule 20: finishing with a correspondence type sends, as finishing a new interaction does.
                Deliver = request.Send && !request.Postpone,
                SendWordDocsAsAttmt = request.SendWordDocsAsAttmt,
            }, ct);
        }, ct);
        return await read.HandleAsync(entryNo, ct);
    }
}
