using Touchpoint.Core.Common;
using Touchpoint.Core.Segments;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Segments;

/// <summary>api.md "Segments": segments and their lines (criteria actions and logging come later).</summary>
internal static class SegmentsApi
{
    private static readonly string[] Fields =
    [
        "no", "description", "interactionTemplateCode", "salespersonCode", "date", "correspondenceTypeDefault",
        "ignoreContactCorresType", "languageCodeDefault", "subjectDefault", "campaignNo", "campaignTarget",
        "campaignResponse", "unitCostLcy", "unitDurationMin", "informationFlow", "initiatedBy", "interactionGroupCode",
        "sendWordDocsAsAttmt",
    ];

    private static readonly string[] LineFields =
    [
        "contactNo", "interactionTemplateCode", "description", "subject", "languageCode", "correspondenceType", "costLcy",
        "durationMin", "date", "timeOfInteraction", "evaluation", "attemptFailed", "campaignNo", "campaignTarget",
        "campaignResponse", "salespersonCode", "opportunityNo",
    ];

    public static void MapSegments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/segments").WithTags("Segments");
        group.MapGet("/", async (ListSegments list, string? search, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, limit, cursor, ct)));
        group.MapGet("/{no}", async (string no, ListSegments list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, ct)));
        group.MapPost("/", async (HttpRequest request, CreateSegment create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var segment = await create.HandleAsync(no, fields, ct);
            return TypedResults.Created($"/api/v1/segments/{Uri.EscapeDataString(segment.No)}", segment);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentDto>();
        group.MapPatch("/{no}", async (string no, HttpRequest request, UpdateSegment update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow([.. Fields, "applyToLines"]);
            var fields = ReadFields(body);
            var applyToLines = body.Value<bool?>("applyToLines") ?? true;
            body.RefuseChange("no", no, Messages.Get("SegmentNoCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, fields, applyToLines, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentDto>();
        group.MapDelete("/{no}", async (string no, DeleteSegment delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(no, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
        MapLines(group.MapGroup("/{no}/lines").WithTags("Segments"));
    }

    private static void MapLines(RouteGroupBuilder lines)
    {
        lines.MapGet("/", async (string no, ListSegmentLines list, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(no, limit, cursor, ct)));
        lines.MapPost("/", async (string no, HttpRequest request, AddSegmentLine add, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(LineFields);
            var fields = ReadLineFields(body);
            body.ThrowIfErrors();
            var line = await add.HandleAsync(no, fields, ct);
            return TypedResults.Created($"/api/v1/segments/{Uri.EscapeDataString(no)}/lines/{line.LineNo}", line);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentLineDto>();
        lines.MapPatch("/{lineNo:int}", async (string no, int lineNo, HttpRequest request, UpdateSegmentLine update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(LineFields.Where(f => f != "contactNo").ToArray());
            var fields = ReadLineFields(body);
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, lineNo, fields, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentLineDto>();
        lines.MapDelete("/{lineNo:int}", async (string no, int lineNo, DeleteSegmentLine delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(no, lineNo, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
    }

    private static SegmentLineFields ReadLineFields(JsonBody body) => new()
    {
        ContactNo = body.Get<string?>("contactNo"),
        InteractionTemplateCode = body.Get<string?>("interactionTemplateCode"),
        Description = body.Get<string?>("description"),
        Subject = body.Get<string?>("subject"),
        LanguageCode = body.Get<string?>("languageCode"),
        CorrespondenceType = body.Get<CorrespondenceType?>("correspondenceType"),
        CostLcy = body.Get<decimal?>("costLcy"),
        DurationMin = body.Get<decimal?>("durationMin"),
        Date = body.Get<DateOnly?>("date"),
        TimeOfInteraction = body.Get<TimeOnly?>("timeOfInteraction"),
        Evaluation = body.Get<Evaluation?>("evaluation"),
        AttemptFailed = body.Get<bool?>("attemptFailed"),
        CampaignNo = body.Get<string?>("campaignNo"),
        CampaignTarget = body.Get<bool?>("campaignTarget"),
        CampaignResponse = body.Get<bool?>("campaignResponse"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        OpportunityNo = body.Get<string?>("opportunityNo"),
    };

    private static SegmentFields ReadFields(JsonBody body) => new()
    {
        Description = body.Get<string?>("description"),
        InteractionTemplateCode = body.Get<string?>("interactionTemplateCode"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        Date = body.Get<DateOnly?>("date"),
        CorrespondenceTypeDefault = body.Get<CorrespondenceType?>("correspondenceTypeDefault"),
        IgnoreContactCorresType = body.Get<bool?>("ignoreContactCorresType"),
        LanguageCodeDefault = body.Get<string?>("languageCodeDefault"),
        SubjectDefault = body.Get<string?>("subjectDefault"),
        CampaignNo = body.Get<string?>("campaignNo"),
        CampaignTarget = body.Get<bool?>("campaignTarget"),
        CampaignResponse = body.Get<bool?>("campaignResponse"),
        UnitCostLcy = body.Get<decimal?>("unitCostLcy"),
        UnitDurationMin = body.Get<decimal?>("unitDurationMin"),
        InformationFlow = body.Get<InformationFlow?>("informationFlow"),
        InitiatedBy = body.Get<InitiatedBy?>("initiatedBy"),
        InteractionGroupCode = body.Get<string?>("interactionGroupCode"),
        SendWordDocsAsAttmt = body.Get<bool?>("sendWordDocsAsAttmt"),
    };
}
