using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>The contact card's quick actions: what the user logs in one dialog.</summary>
public enum QuickInteractionKind
{
    Call,
    Meeting,
    Email,
}

/// <summary>
/// The quick dialog's start: the template chosen in advance (none when it is not set up) and the wizard's defaults for
/// the contact, that template and the user (rules 8, 10, 12–15).
/// </summary>
public sealed record QuickInteractionStartDto(QuickInteractionKind Kind, string? InteractionTemplateCode, InteractionStartDto Start);

/// <summary>
/// Beyond BC 9, the template each quick action starts with. A call takes the interaction template setup's Outg. Calls
/// template and an e-mail its E-Mails template, as BC's Make Phone Call and e-mail logging do. BC has no setup field for a
/// meeting, so a meeting takes the template this user logged the newest of the recent meetings with, else the first
/// meeting template. A meeting template is one without correspondence type (nothing is sent) in a group of which the
/// setup uses no template: that leaves out the calls' group, the documents' groups and the system group (the meeting
/// invitation is an e-mail sent for a meeting, not the meeting), and in BC's demo data leaves the MEETING group.
/// </summary>
public sealed class StartQuickInteraction(ITouchpointDb db, StartCreateInteraction start)
{
    /// <summary>How far back the user's last meeting is looked for: the newest entries of the meeting groups, read by their index.</summary>
    public const int RecentMeetings = 1000;

    public async Task<QuickInteractionStartDto> HandleAsync(string? contactNo, QuickInteractionKind kind, string? userId, CancellationToken ct = default)
    {
        var code = await TemplateCodeAsync(kind, userId, ct);
        return new QuickInteractionStartDto(kind, code, await start.HandleAsync(contactNo, code, userId, ct));
    }

    /// <summary>The template the quick action starts with; none when it is not set up (or names a template that is gone).</summary>
    public async Task<string?> TemplateCodeAsync(QuickInteractionKind kind, string? userId, CancellationToken ct = default)
    {
        var setup = await db.InteractionTemplateSetup.AsNoTracking().FirstOrDefaultAsync(s => s.Id == InteractionTemplateSetup.SingletonId, ct);
        if (kind != QuickInteractionKind.Meeting)
        {
            var code = Codes.Normalize(kind == QuickInteractionKind.Call ? setup?.OutgoingCalls : setup?.Emails);
            return code is not null && await db.InteractionTemplates.AnyAsync(t => t.Code == code, ct) ? code : null;
        }
        var used = setup is null ? [] : InteractionTemplateSetupFields.All.Select(f => f.Property.GetValue(setup) as string)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var usedGroups = await db.InteractionTemplates.AsNoTracking().Where(t => used.Contains(t.Code))
            .Select(t => t.InteractionGroupCode).Distinct().ToListAsync(ct);
        var meetings = await db.InteractionTemplates.AsNoTracking()
            .Where(t => t.CorrespondenceTypeDefault == CorrespondenceType.None && !usedGroups.Contains(t.InteractionGroupCode))
            .OrderBy(t => t.InteractionGroupCode).ThenBy(t => t.Code)
            .Select(t => new { t.Code, t.InteractionGroupCode }).ToListAsync(ct);
        if (meetings.Count == 0)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(userId))
        {
            var groups = meetings.Select(m => m.InteractionGroupCode).Distinct().ToList();
            var codes = meetings.Select(m => m.Code).ToList();
            // The newest entries of the meeting groups (their index), then this user's among them: bounded however many
            // entries the log holds and however seldom the user logs a meeting.
            var recent = db.InteractionLogEntries.AsNoTracking()
                .Where(e => groups.Contains(e.InteractionGroupCode) && !e.Canceled && !e.Postponed)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.EntryNo).Take(RecentMeetings);
            var last = await recent.Where(e => e.UserId == userId && codes.Contains(e.InteractionTemplateCode))
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.EntryNo)
                .Select(e => e.InteractionTemplateCode).FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                return last;
            }
        }
        return meetings[0].Code;
    }
}
