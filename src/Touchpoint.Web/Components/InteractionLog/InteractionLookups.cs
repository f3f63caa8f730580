using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.Web.Components.Shared;

namespace Touchpoint.Web.Components.InteractionLog;

/// <summary>The look-ups of an interaction's campaign and opportunity, shared by the wizard, the quick dialog and Make Phone Call.</summary>
public static class InteractionLookups
{
    public static async Task<IEnumerable<Lookup>> CampaignsAsync(IServiceScopeFactory scopes, string text, CancellationToken ct)
    {
        var page = await scopes.RunAsync<ListCampaigns, Page<CampaignDto>>(h => h.HandleAsync(string.IsNullOrEmpty(text) ? null : text, 20, null, ct));
        return page.Value.Select(c => new Lookup(c.No, c.Description));
    }

    /// <summary>Rule 18: the database finds them among all open opportunities of the contact's company and salesperson.</summary>
    public static async Task<IEnumerable<Lookup>> OpportunitiesAsync(IServiceScopeFactory scopes, string? contactNo, string? salespersonCode, string text,
        CancellationToken ct)
    {
        var found = await scopes.RunAsync<FindInteractionOpportunities, IReadOnlyList<OpportunityDto>>(
            h => h.HandleAsync(contactNo, salespersonCode, text, null, ct));
        return found.Select(o => new Lookup(o.No, o.Description));
    }
}
