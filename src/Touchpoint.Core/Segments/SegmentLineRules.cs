using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

internal static class SegmentLineRules
{
    public static async Task<SegmentHeader> HeaderAsync(ITouchpointDb db, string segmentNo, CancellationToken ct) =>
        await db.SegmentHeaders.FirstOrDefaultAsync(s => s.No == segmentNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentNotFound", segmentNo));

    /// <summary>The template a header or line input names, null when none is named or it does not exist (reported at the field).</summary>
    public static async Task<InteractionTemplate?> TemplateAsync(ITouchpointDb db, Optional<string?> code, FieldErrors errors, CancellationToken ct)
    {
        var normalized = code.IsSet ? Codes.Normalize(code.Value) : null;
        if (normalized is null || normalized.Length > InteractionTemplate.CodeLength)
        {
            return null;
        }
        var template = await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == normalized, ct);
        if (template is null)
        {
            errors.Add("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", normalized));
        }
        return template;
    }

    /// <summary>Checks the codes the input named on the line.</summary>
    public static async Task CheckAsync(ITouchpointDb db, SegmentLine line, SegmentLineFields fields, FieldErrors errors, CancellationToken ct)
    {
        if (fields.CampaignNo.IsSet)
        {
            await References.CampaignAsync(db, line.CampaignNo, "campaignNo", errors, ct);
        }
        if (fields.SalespersonCode.IsSet)
        {
            await References.SalespersonAsync(db, line.SalespersonCode, "salespersonCode", errors, ct);
        }
        if (fields.OpportunityNo.IsSet)
        {
            await References.CheckAsync(db.Opportunities, o => o.No == line.OpportunityNo, line.OpportunityNo, "opportunityNo",
                n => Messages.Get("OpportunityNotFound", n), errors, ct);
        }
    }
}
