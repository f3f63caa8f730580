using Touchpoint.Core.Common;
using Touchpoint.Core.Opportunities;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Opportunities;

/// <summary>Opportunities.</summary>
internal static class OpportunitiesApi
{
    private static readonly string[] Fields =
        ["no", "description", "contactNo", "contactCompanyNo", "salespersonCode", "campaignNo", "segmentNo", "closed", "creationDate"];

    public static void MapOpportunities(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opportunities").WithTags("Opportunities");
        group.MapGet("/", async (ListOpportunities list, string? search, string? contactNo, string? salespersonCode,
            string? campaignNo, bool? closed, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new OpportunityListQuery(search, contactNo, salespersonCode, campaignNo, closed, limit, cursor), ct)));
        group.MapGet("/{no}", async (string no, ListOpportunities list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, ct)));
        group.MapPost("/", async (HttpRequest request, CreateOpportunity create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var opportunity = await create.HandleAsync(no, fields, ct);
            return TypedResults.Created($"/api/v1/opportunities/{Uri.EscapeDataString(opportunity.No)}", opportunity);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<OpportunityDto>();
        group.MapPatch("/{no}", async (string no, HttpRequest request, UpdateOpportunity update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            body.RefuseChange("no", no, Messages.Get("OpportunityNoCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, fields, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<OpportunityDto>();
    }

    private static OpportunityFields ReadFields(JsonBody body) => new()
    {
        Description = body.Get<string?>("description"),
        ContactNo = body.Get<string?>("contactNo"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        CampaignNo = body.Get<string?>("campaignNo"),
        SegmentNo = body.Get<string?>("segmentNo"),
        Closed = body.Get<bool?>("closed"),
    };
}
