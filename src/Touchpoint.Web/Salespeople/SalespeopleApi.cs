using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Salespeople;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Salespeople;

/// <summary>Salespeople.</summary>
internal static class SalespeopleApi
{
    public static void MapSalespeople(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/salespeople").WithTags("Salespeople");
        group.MapGet("/", async (ListSalespeople list, string? search, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, limit, cursor, ct)));
        group.MapGet("/{code}", async (string code, ListSalespeople list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(code, ct)));
        group.MapPost("/", async (HttpRequest request, CreateSalesperson create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code", "name", "email", "blocked");
            var fields = ReadFields(body);
            var code = body.Value<string?>("code");
            body.ThrowIfErrors();
            var salesperson = await create.HandleAsync(code, fields, ct);
            return TypedResults.Created($"/api/v1/salespeople/{Uri.EscapeDataString(salesperson.Code)}", salesperson);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SalespersonDto>();
        group.MapPatch("/{code}", async (string code, HttpRequest request, UpdateSalesperson update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code", "name", "email", "blocked");
            var fields = ReadFields(body);
            body.RefuseChange("code", code, Messages.Get("SalespersonCodeCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(code, fields, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SalespersonDto>();
        group.MapDelete("/{code}", async (string code, bool? confirm, ClaimsPrincipal user, DeleteSalesperson delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(code, user.UserId(), user.IsInRole(Roles.Admin), confirm ?? false, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy)
        .WithSummary("Delete a salesperson (409 while contacts, campaigns or opportunities name it)")
        .WithDescription("A salesperson with interaction log entries or campaign entries (which keep its code) may be deleted by an admin "
            + "only (403 for others), and only with confirm=true (409 without, saying how much history it has).");
    }

    private static SalespersonFields ReadFields(JsonBody body) => new()
    {
        Name = body.Get<string?>("name"),
        Email = body.Get<string?>("email"),
        Blocked = body.Get<bool?>("blocked"),
    };
}
