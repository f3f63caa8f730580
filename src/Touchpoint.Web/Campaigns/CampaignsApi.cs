using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Campaigns;

/// <summary>Campaigns (statistics and campaign entries arrive with the interaction log).</summary>
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
    }

    private static CampaignFields ReadFields(JsonBody body) => new()
    {
        Description = body.Get<string?>("description"),
        StartingDate = body.Get<DateOnly?>("startingDate"),
        EndingDate = body.Get<DateOnly?>("endingDate"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        Activated = body.Get<bool?>("activated"),
    };
}
