using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Interactions;

/// <summary>Interactions: creating interactions, the interaction log, canceling, and the statistics.</summary>
internal static class InteractionsApi
{
    private static readonly string[] CreateFields =
    [
        "contactNo", "interactionTemplateCode", "salespersonCode", "date", "timeOfInteraction", "description", "costLcy",
        "durationMin", "correspondenceType", "languageCode", "evaluation", "attemptFailed", "campaignNo", "campaignTarget",
        "campaignResponse", "opportunityNo", "comments", "postpone", "send", "sendWordDocsAsAttmt",
    ];

    /// <summary>The user an entry is attributed to (BC's User ID): the signed-in user's name (their e-mail).</summary>
    public static string UserId(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static void MapInteractions(this RouteGroupBuilder api)
    {
        api.MapPost("/interactions", async (HttpRequest request, ClaimsPrincipal user, CreateInteraction create, CancellationToken ct) =>
        {
            var input = await ReadCreateRequestAsync(request, ct);
            var entry = await create.HandleAsync(input, user.UserId(), request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
            return TypedResults.Created($"/api/v1/interactionLogEntries/{entry.EntryNo}", entry);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CreateInteractionRequest>().WithTags("Interactions")
        .WithSummary("Create an interaction (the Create Interaction wizard's finish); postpone=true saves it for later");

        var postponed = api.MapGroup("/postponedInteractions").WithTags("Postponed interactions");
        postponed.MapGet("/", async (ListInteractionLogEntries list, string? contactNo, string? salespersonCode, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new InteractionLogEntryFilter
            {
                ContactNo = contactNo, SalespersonCode = salespersonCode, Postponed = true, Limit = limit, Cursor = cursor,
            }, ct)));
        postponed.MapPost("/{entryNo:long}/resume", async (long entryNo, HttpRequest request, ClaimsPrincipal user, ResumePostponedInteraction resume, CancellationToken ct) =>
        {
            var input = request.ContentLength is 0 ? new CreateInteractionRequest() : await ReadCreateRequestAsync(request, ct);
            return TypedResults.Ok(await resume.HandleAsync(entryNo, input, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CreateInteractionRequest>()
        .WithSummary("Finish a postponed interaction: the same entry no. is completed (postpone=true keeps it postponed)");
        postponed.MapDelete("/{entryNo:long}", async (long entryNo, ClaimsPrincipal user, DeletePostponedInteraction delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(entryNo, user.UserId(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);

        var entries = api.MapGroup("/interactionLogEntries").WithTags("Interaction log entries");
        entries.MapPost("/deleteCanceled", async (HttpRequest request, ClaimsPrincipal user, DeleteCanceledInteractions delete, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("contactNo", "dateFrom", "dateTo", "campaignNo", "interactionGroupCode", "interactionTemplateCode", "salespersonCode");
            var filter = new DeleteCanceledFilter
            {
                ContactNo = body.Value<string?>("contactNo"), DateFrom = body.Value<DateOnly?>("dateFrom"), DateTo = body.Value<DateOnly?>("dateTo"),
                CampaignNo = body.Value<string?>("campaignNo"), InteractionGroupCode = body.Value<string?>("interactionGroupCode"),
                InteractionTemplateCode = body.Value<string?>("interactionTemplateCode"), SalespersonCode = body.Value<string?>("salespersonCode"),
            };
            body.ThrowIfErrors();
            return TypedResults.Ok(new { deleted = await delete.HandleAsync(filter, user.UserId(), ct) });
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<DeleteCanceledFilter>()
        .WithSummary("Delete canceled entries (only canceled ones) with their comments and unused attachments");
        MapEntries(entries);
        MapStatistics(api);
    }

    private static async Task<CreateInteractionRequest> ReadCreateRequestAsync(HttpRequest request, CancellationToken ct)
    {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(CreateFields);
            var input = new CreateInteractionRequest
            {
                ContactNo = body.Value<string?>("contactNo"),
                InteractionTemplateCode = body.Value<string?>("interactionTemplateCode"),
                SalespersonCode = body.Value<string?>("salespersonCode"),
                Date = body.Value<DateOnly?>("date"),
                TimeOfInteraction = body.Value<TimeOnly?>("timeOfInteraction"),
                Description = body.Value<string?>("description"),
                CostLcy = body.Value<decimal?>("costLcy"),
                DurationMin = body.Value<decimal?>("durationMin"),
                CorrespondenceType = body.Value<CorrespondenceType?>("correspondenceType"),
                LanguageCode = body.Value<string?>("languageCode"),
                Evaluation = body.Value<Evaluation?>("evaluation"),
                AttemptFailed = body.Value<bool?>("attemptFailed"),
                CampaignNo = body.Value<string?>("campaignNo"),
                CampaignTarget = body.Value<bool?>("campaignTarget"),
                CampaignResponse = body.Value<bool?>("campaignResponse"),
                OpportunityNo = body.Value<string?>("opportunityNo"),
                Comments = body.Value<string[]?>("comments"),
                Postpone = body.Value<bool?>("postpone") ?? false,
                Send = body.Value<bool?>("send") ?? false,
                SendWordDocsAsAttmt = body.Value<bool?>("sendWordDocsAsAttmt") ?? false,
            };
            body.ThrowIfErrors();
            return input;
    }

    /// <summary>
    /// The interaction log, or its export: the API's <c>GET /interactionLogEntries</c> and the pages'
    /// <c>/export/interactionLogEntries</c> are this one handler, so both read the filters alike.
    /// </summary>
    internal static async Task<IResult> ListEntriesAsync(HttpRequest request, ListInteractionLogEntries list, string? contactNo, string? contactCompanyNo,
        string? interactionTemplateCode, string? interactionGroupCode, string? salespersonCode, string? campaignNo, string? segmentNo,
        long? loggedSegmentEntryNo, string? opportunityNo, string? documentType, string? documentNo, bool? canceled, DateOnly? dateFrom,
        DateOnly? dateTo, string? date, string? search, string? deliveryStatus, bool? postponed, string? sort, int? limit, string? cursor, CancellationToken ct)
    {
        var order = SortOrder.Of<InteractionLogSort>(sort);
        var filter = new InteractionLogEntryFilter
        {
            ContactNo = contactNo, ContactCompanyNo = contactCompanyNo, InteractionTemplateCode = interactionTemplateCode,
            InteractionGroupCode = interactionGroupCode, SalespersonCode = salespersonCode, CampaignNo = campaignNo,
            SegmentNo = segmentNo, LoggedSegmentEntryNo = loggedSegmentEntryNo, OpportunityNo = opportunityNo,
            DocumentType = Query.Enum<DocumentType>(documentType, "documentType"), DocumentNo = documentNo, Canceled = canceled,
            DateFrom = dateFrom, DateTo = dateTo, Date = date, Search = search,
            DeliveryStatus = Query.Enum<DeliveryStatusFilter>(deliveryStatus, "deliveryStatus"),
            Postponed = postponed ?? false, Sort = order?.Field, Descending = order?.Descending ?? false, Limit = limit, Cursor = cursor,
        };
        return Exports.Requested(request) is { } export
            ? Exports.File(export, "interactionLogEntries",
                Paged.AllAsync((size, next) => list.HandleAsync(filter with { Limit = size, Cursor = next }, ct), ct))
            : TypedResults.Ok(await list.HandleAsync(filter, ct));
    }

    private static void MapEntries(RouteGroupBuilder entries)
    {
        entries.MapGet("/", ListEntriesAsync)
            .Produces<Page<InteractionLogEntryDto>>().ProducesExports()
            .WithSummary("The interaction log, newest first unless sort names a column (sort=costLcy, sort=-costLcy); code filters and date take BC filter expressions (A|B, A..B, *, <>, ''); postponed=true lists the postponed interactions; Accept: text/csv or the Excel type exports every match");
        entries.MapGet("/{entryNo:long}", async (long entryNo, GetInteractionLogEntry get, CancellationToken ct) =>
            TypedResults.Ok(await get.HandleAsync(entryNo, ct)));
        entries.MapPost("/{entryNo:long}/cancel", async (long entryNo, bool? removeUniqueAttachments, ClaimsPrincipal user, CancelInteractionLogEntries cancel,
            GetInteractionLogEntry get, CancellationToken ct) =>
        {
            await cancel.HandleAsync([entryNo], cancel: true, user.UserId(), removeUniqueAttachments ?? false, ct);
            return TypedResults.Ok(await get.HandleAsync(entryNo, ct));
        }).RequireAuthorization(Roles.WritePolicy)
        .WithSummary("Cancel an entry; removeUniqueAttachments=true also removes its attachment when nothing else uses it (rule 29)");
        entries.MapPost("/{entryNo:long}/uncancel", async (long entryNo, ClaimsPrincipal user, CancelInteractionLogEntries cancel, GetInteractionLogEntry get, CancellationToken ct) =>
        {
            await cancel.HandleAsync([entryNo], cancel: false, user.UserId(), ct: ct);
            return TypedResults.Ok(await get.HandleAsync(entryNo, ct));
        }).RequireAuthorization(Roles.WritePolicy).WithSummary("Un-cancel an entry (409 while its campaign entry is canceled, rule 30)");
        entries.MapPost("/cancel", (HttpRequest request, bool? removeUniqueAttachments, ClaimsPrincipal user, CancelInteractionLogEntries cancel, CancellationToken ct) =>
            CancelManyAsync(request, user, cancel, true, removeUniqueAttachments ?? false, ct)).RequireAuthorization(Roles.WritePolicy).AcceptsJson<EntryNosRequest>()
            .WithSummary("Cancel several entries, all or none; removeUniqueAttachments=true also removes the attachments nothing else uses (rule 29)");
        entries.MapPost("/uncancel", (HttpRequest request, ClaimsPrincipal user, CancelInteractionLogEntries cancel, CancellationToken ct) =>
            CancelManyAsync(request, user, cancel, false, false, ct)).RequireAuthorization(Roles.WritePolicy).AcceptsJson<EntryNosRequest>()
            .WithSummary("Un-cancel several entries, all or none");
    }

    private static void MapStatistics(RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/").WithTags("Statistics");
        statistics.MapGet("/contacts/{no}/statistics", async (string no, DateOnly? dateFrom, DateOnly? dateTo, InteractionStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForContactAsync(no, dateFrom, dateTo, ct)))
            .WithSummary("Count, cost and duration of a contact's interactions (a company's include its persons)");
        statistics.MapGet("/salespeople/{code}/statistics", async (string code, DateOnly? dateFrom, DateOnly? dateTo, InteractionStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForSalespersonAsync(code, dateFrom, dateTo, ct)));
        statistics.MapGet("/interactionTemplates/{code}/statistics", async (string code, DateOnly? dateFrom, DateOnly? dateTo, InteractionStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForTemplateAsync(code, dateFrom, dateTo, ct)));
        statistics.MapGet("/interactionGroups/{code}/statistics", async (string code, DateOnly? dateFrom, DateOnly? dateTo, InteractionStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForGroupAsync(code, dateFrom, dateTo, ct)));
        statistics.MapGet("/campaigns/{no}/statistics", async (string no, DateOnly? dateFrom, DateOnly? dateTo, InteractionStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForCampaignAsync(no, dateFrom, dateTo, ct)));
        statistics.MapGet("/interactionStatistics", async (DateOnly? dateFrom, DateOnly? dateTo, InteractionStatisticsOverview overview, CancellationToken ct) =>
            TypedResults.Ok(await overview.HandleAsync(dateFrom, dateTo, ct)))
            .WithSummary("Count, cost and duration of all interactions, by month, by interaction group and by interaction template");
    }

    private static async Task<IResult> CancelManyAsync(HttpRequest request, ClaimsPrincipal user, CancelInteractionLogEntries cancel, bool canceled,
        bool removeUniqueAttachments, CancellationToken ct)
    {
        var body = (await JsonBody.ReadAsync(request, ct)).Allow("entryNos");
        var entryNos = body.Value<long[]?>("entryNos");
        body.ThrowIfErrors();
        var count = await cancel.HandleAsync(entryNos ?? [], canceled, user.UserId(), removeUniqueAttachments, ct);
        return TypedResults.Ok(new { count });
    }

    /// <summary>Body of the batch cancel and uncancel.</summary>
    internal sealed record EntryNosRequest(long[] EntryNos);
}
