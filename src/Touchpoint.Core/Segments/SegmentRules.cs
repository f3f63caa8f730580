using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

internal static class SegmentRules
{
    /// <summary>The template named in the input, null when none is named or it does not exist (reported at the field).</summary>
    public static Task<InteractionTemplate?> TemplateAsync(ITouchpointDb db, SegmentFields fields, FieldErrors errors, CancellationToken ct) =>
        SegmentLineRules.TemplateAsync(db, fields.InteractionTemplateCode, errors, ct);

    /// <summary>Checks the codes the input named; the salesperson must not be blocked (rule 37).</summary>
    public static async Task CheckAsync(ITouchpointDb db, SegmentHeader segment, SegmentFields fields, FieldErrors errors, CancellationToken ct)
    {
        if (fields.SalespersonCode.IsSet && segment.SalespersonCode is { } salespersonCode && !errors.Has("salespersonCode"))
        {
            var blocked = await db.Salespeople.AsNoTracking().Where(s => s.Code == salespersonCode)
                .Select(s => (bool?)s.Blocked).FirstOrDefaultAsync(ct);
            if (blocked is null)
            {
                errors.Add("salespersonCode", Messages.Get("SalespersonNotFound", salespersonCode));
            }
            else if (blocked.Value)
            {
                errors.Add("salespersonCode", Messages.Get("SalespersonBlocked", salespersonCode));
            }
        }
        if (fields.CampaignNo.IsSet || fields.InteractionTemplateCode.IsSet)
        {
            await References.CampaignAsync(db, segment.CampaignNo, "campaignNo", errors, ct);
        }
        if (fields.InteractionGroupCode.IsSet)
        {
            await References.CheckAsync(db.InteractionGroups, g => g.Code == segment.InteractionGroupCode, segment.InteractionGroupCode,
                "interactionGroupCode", c => Messages.Get("InteractionGroupNotFound", c), errors, ct);
        }
    }
}
