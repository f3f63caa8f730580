using System.Security.Claims;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Campaigns;

/// <summary>Campaigns and campaign entries (the statistics are mapped with the other statistics).</summary>
internal static class CampaignsApi
{
    private static readonly string[] Fields = ["no", "description", "startingDate", "endingDate", "salespersonCode", "activated"];

    public static void MapCampaigns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", async (ListCampaigns list, string? search, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, limit, cursor, ct)));
        group.MapGet("/{no}", async (string no, ListCampaigns list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, ct)));
        group.MapPost("/", async (HttpRequest request, CreateCampaign create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var campaign = await create.HandleAsync(no, fields, ct);
            return TypedResults.Created($"/api/v1/campaigns/{Uri.EscapeDataString(campaign.No)}", campaign);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CampaignDto>();
        group.MapPatch("/{no}", async (string no, HttpRequest request, UpdateCampaign update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            body.RefuseChange("no", no, Messages.Get("CampaignNoCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, fields, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CampaignDto>();
        MapCampaignEntries(api.MapGroup("/campaignEntries").WithTags("Campaigns"));
    }

    /// <summary>
    /// A campaign's entries, or their export: the API's <c>GET /campaignEntries</c> and the pages'
    /// <c>/export/campaignEntries</c> are this one handler, so both read the filters alike.
    /// </summary>
    internal static async Task<IResult> ListEntriesAsync(HttpRequest request, ListCampaignEntries list, string? campaignNo, int? limit, string? cursor,
        CancellationToken ct) =>
        Exports.Requested(request) is { } export
            ? Exports.File(export, "campaignEntries", Paged.AllAsync((size, next) => list.HandleAsync(campaignNo, size, next, ct), ct))
            : TypedResults.Ok(await list.HandleAsync(campaignNo, limit, cursor, ct));

    /// <summary>Rules 31 and 35: campaign entries, canceled and un-canceled with their interaction log entries.</summary>
    private static void MapCampaignEntries(RouteGroupBuilder entries)
    {
        entries.MapGet("/", ListEntriesAsync)
            .Produces<Page<CampaignEntryDto>>().ProducesExports()
            .WithSummary("A campaign's entries, newest first, with the count, cost and duration of their interactions; Accept: text/csv or the Excel type exports every match");
        entries.MapGet("/{entryNo:long}", async (long entryNo, ListCampaignEntries list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(entryNo, ct)));
        entries.MapPost("/{entryNo:long}/cancel", async (long entryNo, ClaimsPrincipal user, CancelCampaignEntry cancel, CancellationToken ct) =>
            TypedResults.Ok(await cancel.HandleAsync(entryNo, cancel: true, user.UserId(), ct))).RequireAuthorization(Roles.WritePolicy)
            .WithSummary("Cancel a campaign entry with all its interaction log entries (rule 31)");
        entries.MapPost("/{entryNo:long}/uncancel", async (long entryNo, ClaimsPrincipal user, CancelCampaignEntry cancel, CancellationToken ct) =>
            TypedResults.Ok(await cancel.HandleAsync(entryNo, cancel: false, user.UserId(), ct))).RequireAuthorization(Roles.WritePolicy)
            .WithSummary("Un-cancel a campaign entry with all its interaction log entries (409 while its logged segment is canceled)");
        entries.MapPost("/deleteCanceled", async (HttpRequest request, ClaimsPrincipal user, DeleteCanceledCampaignEntries delete, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("campaignNo");
            var campaignNo = body.Value<string?>("campaignNo");
            body.ThrowIfErrors();
            return TypedResults.Ok(await delete.HandleAsync(campaignNo, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<DeleteCanceledCampaignEntriesBody>()
        .WithSummary("Delete a campaign's canceled entries with their interaction log entries, comments and unused attachments (rule 35)");
    }

    /// <summary>Body of "delete canceled campaign entries".</summary>
    internal sealed record DeleteCanceledCampaignEntriesBody(string CampaignNo);

    private static CampaignFields ReadFields(JsonBody body) => new()
    {
        Description = body.Get<string?>("description"),
        StartingDate = body.Get<DateOnly?>("startingDate"),
        EndingDate = body.Get<DateOnly?>("endingDate"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        Activated = body.Get<bool?>("activated"),
    };
}
