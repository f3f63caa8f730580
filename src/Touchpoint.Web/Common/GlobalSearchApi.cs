using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Touchpoint.Core.Common;
using Touchpoint.Web.Resources;

namespace Touchpoint.Web.Common;

/// <summary>The global search (BC's "Tell me") over the API.</summary>
internal static class GlobalSearchApi
{
    public static void MapGlobalSearch(this RouteGroupBuilder api) =>
        api.MapGet("/search", async (string? q, int? limit, ClaimsPrincipal user, IStringLocalizer<SharedResource> texts, GlobalSearch search,
                CancellationToken ct) =>
            TypedResults.Ok(await search.HandleAsync(q, limit, AppPages.For(user, texts), ct)))
        .WithTags("Search")
        .WithSummary("Contacts (name, no., e-mail, phone), opportunities, segments, campaigns (no., description) and the caller's pages (name in the caller's language) that contain q; limit per kind, 5 by default, at most 20");
}
