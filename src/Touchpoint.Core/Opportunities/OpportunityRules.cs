using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

internal static class OpportunityRules
{
    /// <summary>Checks the codes an opportunity names and takes the contact's company.</summary>
    public static async Task CheckAsync(ITouchpointDb db, Opportunity opportunity, OpportunityFields fields, FieldErrors errors, CancellationToken ct)
    {
        if (fields.ContactNo.IsSet && !errors.Has("contactNo"))
        {
            var contact = await db.Contacts.AsNoTracking().Where(c => c.No == opportunity.ContactNo)
                .Select(c => new { c.CompanyNo, c.PrivacyBlocked }).FirstOrDefaultAsync(ct);
            if (contact is null)
            {
                errors.Add("contactNo", Messages.Get("ContactNotFound", opportunity.ContactNo));
            }
            else if (contact.PrivacyBlocked)
            {
                errors.Add("contactNo", Messages.Get("ContactPrivacyBlocked", opportunity.ContactNo));
            }
            else
            {
                opportunity.SetContactCompany(contact.CompanyNo);
            }
        }
        if (fields.SalespersonCode.IsSet)
        {
            await References.SalespersonAsync(db, opportunity.SalespersonCode, "salespersonCode", errors, ct);
        }
        if (fields.CampaignNo.IsSet)
        {
            await References.CampaignAsync(db, opportunity.CampaignNo, "campaignNo", errors, ct);
        }
    }
}
