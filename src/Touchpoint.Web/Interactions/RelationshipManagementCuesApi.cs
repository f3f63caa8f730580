using System.Security.Claims;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Web.Interactions;

/// <summary>The home page's cues and weekly activity (BC's Relationship Management role centre) over the API.</summary>
internal static class RelationshipManagementCuesApi
{
    public static void MapRelationshipManagementCues(this RouteGroupBuilder api) =>
        api.MapGet("/relationshipManagementCues", async (ClaimsPrincipal user, RelationshipManagementCues cues, CancellationToken ct) =>
            TypedResults.Ok(await cues.HandleAsync(user.UserId(), ct)))
        .WithTags("Statistics")
        .WithSummary("The caller's cues (each with the list and filter that shows what it counts) and interactions per week of the last 12 weeks");
}
