using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Touchpoint.Core.Common;
using Touchpoint.Web.Resources;

namespace Touchpoint.Web.Common;

/// <summary>
/// The pages a person finds by name in the global search: those of the navigation menu (and the account's), each with
/// the text key of its menu entry and the roles that may open it. A browser test checks that every link of the menu is
/// here, so that a page added to the menu is not forgotten.
/// </summary>
public static class AppPages
{
    private sealed record AppPage(string Href, string TextKey, string Policy);

    private static readonly AppPage[] All =
    [
        new("/", "Home", Roles.ReadPolicy),
        new("/contacts", "Contacts", Roles.ReadPolicy),
        new("/salespeople", "Salespeople", Roles.ReadPolicy),
        new("/campaigns", "Campaigns", Roles.ReadPolicy),
        new("/opportunities", "Opportunities", Roles.ReadPolicy),
        new("/interactionLogEntries", "InteractionLogEntries", Roles.ReadPolicy),
        new("/postponedInteractions", "PostponedInteractions", Roles.ReadPolicy),
        new("/interactions/statistics", "InteractionStatistics", Roles.ReadPolicy),
        new("/segments", "Segments", Roles.ReadPolicy),
        new("/loggedSegments", "LoggedSegments", Roles.ReadPolicy),
        new("/interactions/new", "CreateInteraction", Roles.WritePolicy),
        new("/setup/users", "Users", Roles.AdminPolicy),
        new("/setup/noseries", "NoSeriesSetup", Roles.AdminPolicy),
        new("/setup/interactionGroups", "InteractionGroups", Roles.AdminPolicy),
        new("/setup/interactionTemplates", "InteractionTemplates", Roles.AdminPolicy),
        new("/setup/interactionTemplateSetup", "InteractionTemplateSetup", Roles.AdminPolicy),
        new("/setup/auditTrail", "AuditTrail", Roles.AdminPolicy),
        new("/account/me", "MyAccount", Roles.ReadPolicy),
        new("/scalar/v1", "ApiReference", Roles.ReadPolicy),
    ];

    /// <summary>Every page's address, for the test that compares them with the menu.</summary>
    public static IEnumerable<string> Hrefs => All.Select(p => p.Href);

    /// <summary>The pages <paramref name="user"/> may open, named in the current UI language.</summary>
    public static IReadOnlyList<SearchPage> For(ClaimsPrincipal user, IStringLocalizer<SharedResource> texts) =>
        [.. All.Where(p => May(user, p.Policy)).Select(p => new SearchPage(texts[p.TextKey], p.Href))];

    // The policies' roles (Program.cs): admin may do everything, sales writes, viewer reads.
    private static bool May(ClaimsPrincipal user, string policy) => policy switch
    {
        Roles.AdminPolicy => user.IsInRole(Roles.Admin),
        Roles.WritePolicy => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales),
        _ => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales) || user.IsInRole(Roles.Viewer),
    };
}
