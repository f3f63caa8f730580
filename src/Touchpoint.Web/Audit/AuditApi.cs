using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Audit;

/// <summary>The audit trail (admin): who deleted, canceled, un-canceled or changed what, newest first.</summary>
internal static class AuditApi
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/auditEntries", async (ListAuditEntries list, string? entity, string? key, string? userId, DateOnly? dateFrom, DateOnly? dateTo,
            int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new AuditEntryQuery
            {
                Entity = entity, Key = key, UserId = userId, DateFrom = dateFrom, DateTo = dateTo, Limit = limit, Cursor = cursor,
            }, ct)))
            .RequireAuthorization(Roles.AdminPolicy).WithTags("Audit trail")
            .WithSummary("The audit trail, newest first (keyset-paged): deletions, cancels and un-cancels, deletes of canceled entries, "
                + "interaction template setup changes, user and role changes, sign-in lockouts; dates are UTC dates");
    }
}
