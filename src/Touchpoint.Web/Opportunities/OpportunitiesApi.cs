using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Web.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Opportunities;

/// <summary>Opportunities.</summary>
internal static class OpportunitiesApi
{
    private static readonly string[] Fields =
        [
            "no", "description", "contactNo", "contactCompanyNo", "salespersonCode", "campaignNo", "segmentNo", "closed", "creationDate",
            "status", "salesCycleStage", "estimatedValueLcy", "chancesOfSuccessPct", "calcdCurrentValueLcy", "estimatedClosingDate", "dateClosed",
        ];

    public static void MapOpportunities(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opportunities").WithTags("Opportunities");
        group.MapGet("/", async (ListOpportunities list, string? search, string? contactNo, string? salespersonCode,
            string? campaignNo, bool? closed, string? status, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new OpportunityListQuery(search, contactNo, salespersonCode, campaignNo, closed, limit, cursor)
            {
                Status = Query.Enum<OpportunityStatus>(status, "status"),
            }, ct)));
        group.MapGet("/{no}", async (string no, ListOpportunities list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, ct)));
        group.MapGet("/{no}/entries", async (string no, ListOpportunities list, CancellationToken ct) =>
            TypedResults.Ok(new { value = await list.EntriesAsync(no, ct) }))
            .WithSummary("The opportunity entries: one per change of stage, status, value, chances or closing date, newest first (rule 68)");
        group.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, CreateOpportunity create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var opportunity = await create.HandleAsync(no, fields, user.UserId(), ct);
            return TypedResults.Created($"/api/v1/opportunities/{Uri.EscapeDataString(opportunity.No)}", opportunity);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<OpportunityDto>()
            .WithSummary("Create an opportunity (number from the opportunity series when none is given; its first opportunity entry, rule 68)");
        group.MapPatch("/{no}", async (string no, HttpRequest request, ClaimsPrincipal user, UpdateOpportunity update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            body.RefuseChange("no", no, Messages.Get("OpportunityNoCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, fields, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<OpportunityDto>()
            .WithSummary("Change an opportunity; a change of its pipeline is a new opportunity entry (rule 68)");
    }

    private static OpportunityFields ReadFields(JsonBody body) => new()
    {
        Description = body.Get<string?>("description"),
        ContactNo = body.Get<string?>("contactNo"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        CampaignNo = body.Get<string?>("campaignNo"),
        SegmentNo = body.Get<string?>("segmentNo"),
        Closed = body.Get<bool?>("closed"),
        Status = body.Get<OpportunityStatus?>("status"),
        SalesCycleStage = body.Get<int?>("salesCycleStage"),
        EstimatedValueLcy = body.Get<decimal?>("estimatedValueLcy"),
        ChancesOfSuccessPct = body.Get<int?>("chancesOfSuccessPct"),
        EstimatedClosingDate = body.Get<DateOnly?>("estimatedClosingDate"),
    };
}
