using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Campaigns;

public sealed class CreateCampaign(ITouchpointDb db, NoSeriesManagement noSeries)
{
    public async Task<CampaignDto> HandleAsync(string? no, CampaignFields fields, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var campaignNo = errors.MaxLength("no", Codes.Normalize(no), Campaign.NoLength);
        var campaign = Campaign.Create(campaignNo ?? "", fields, errors);
        await References.SalespersonAsync(db, campaign.SalespersonCode, "salespersonCode", errors, ct);
        errors.ThrowIfAny();
        if (campaignNo is not null)
        {
            if (await db.Campaigns.AnyAsync(c => c.No == campaignNo, ct))
            {
                throw DomainException.Conflict(Messages.Get("CampaignExists", campaignNo), "no");
            }
        }
        else
        {
            campaignNo = await noSeries.GetNextNoAsync(NoSeriesLine.Campaigns, n => db.Campaigns.AnyAsync(c => c.No == n, ct), ct);
        }
        campaign.AssignNo(campaignNo);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.ToDto();
    }
}
