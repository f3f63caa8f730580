using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Campaigns;

public sealed class UpdateCampaign(ITouchpointDb db)
{
    public async Task<CampaignDto> HandleAsync(string no, CampaignFields fields, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("CampaignNotFound", no));
        var errors = new FieldErrors();
        campaign.Apply(fields, errors);
        if (fields.SalespersonCode.IsSet)
        {
            await References.SalespersonAsync(db, campaign.SalespersonCode, "salespersonCode", errors, ct);
        }
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return campaign.ToDto();
    }
}
