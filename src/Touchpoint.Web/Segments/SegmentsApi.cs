using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Touchpoint.Core.Common;
using Touchpoint.Core.Segments;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Segments;

/// <summary>Segments: segments, their lines, criteria actions, logging and logged segments.</summary>
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

    private static readonly string[] FilterFields =
    [
        "contactNos", "type", "companyNo", "salespersonCode", "languageCode", "countryRegionCode", "city", "postCode",
        "search", "interactions",
    ];

    private static readonly string[] InteractionFilterFields = ["interactionTemplateCode", "interactionGroupCode", "dateFrom", "dateTo"];

    public static void MapSegments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/segments").WithTags("Segments");
        group.MapGet("/", async (ListSegments list, string? search, string? salespersonCode, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, salespersonCode, limit, cursor, ct)));
        group.MapGet("/{no}", async (string no, ListSegments list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, ct)));
        group.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, CreateSegment create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var segment = await create.HandleAsync(no, fields, user.UserId(), ct);
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
        group.MapDelete("/{no}", async (string no, ClaimsPrincipal user, DeleteSegment delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(no, user.UserId(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
        MapLines(group.MapGroup("/{no}/lines").WithTags("Segments"));
        var uploadLimit = AttachmentUploads.RequestLimit(api);
        MapLanguages(group.MapGroup("/{no}/languages").WithTags("Segments"), uploadLimit);
        MapLanguages(group.MapGroup("/{no}/lines/{lineNo:int:min(1)}/languages").WithTags("Segments"), uploadLimit);
        MapCriteria(group);
        group.MapPost("/{no}/log", async (string no, HttpRequest request, ClaimsPrincipal user, LogSegment log, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("send", "createFollowUpSegment");
            var send = body.Value<bool?>("send") ?? false;
            var followUp = body.Value<bool?>("createFollowUpSegment") ?? false;
            body.ThrowIfErrors();
            return TypedResults.Ok(await log.HandleAsync(no, send, followUp, user.UserId(), progress: null, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<LogRequest>()
        .WithSummary("Log the segment (rules 42-46): all lines or none; the segment is gone afterwards");
        MapLoggedSegments(api.MapGroup("/loggedSegments").WithTags("Segments"));
        api.MapGet("/savedSegmentCriteria", async (SaveSegmentCriteria save, CancellationToken ct) =>
            TypedResults.Ok(await save.ListAsync(ct))).WithTags("Segments");
    }

    /// <summary>
    /// The logged segments, or their export: the API's <c>GET /loggedSegments</c> and the pages'
    /// <c>/export/loggedSegments</c> are this one handler, so both read the filters alike.
    /// </summary>
    internal static async Task<IResult> ListLoggedAsync(HttpRequest request, ListLoggedSegments list, string? search, bool? canceled, int? limit,
        string? cursor, CancellationToken ct) =>
        Exports.Requested(request) is { } export
            ? Exports.File(export, "loggedSegments", Paged.AllAsync((size, next) => list.HandleAsync(search, canceled, size, next, ct), ct))
            : TypedResults.Ok(await list.HandleAsync(search, canceled, limit, cursor, ct));

    /// <summary>Rules 31 and 35: logged segments, canceled and un-canceled with their entries.</summary>
    private static void MapLoggedSegments(RouteGroupBuilder logged)
    {
        logged.MapGet("/", ListLoggedAsync)
            .Produces<Page<LoggedSegmentDto>>().ProducesExports()
            .WithSummary("Logged segments, newest first; Accept: text/csv or the Excel type exports every match");
        logged.MapGet("/{entryNo:long}", async (long entryNo, ListLoggedSegments list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(entryNo, ct)));
        logged.MapPost("/{entryNo:long}/cancel", async (long entryNo, ClaimsPrincipal user, CancelLoggedSegment cancel, CancellationToken ct) =>
            TypedResults.Ok(await cancel.HandleAsync(entryNo, cancel: true, user.UserId(), ct))).RequireAuthorization(Roles.WritePolicy);
        logged.MapPost("/{entryNo:long}/uncancel", async (long entryNo, ClaimsPrincipal user, CancelLoggedSegment cancel, CancellationToken ct) =>
            TypedResults.Ok(await cancel.HandleAsync(entryNo, cancel: false, user.UserId(), ct))).RequireAuthorization(Roles.WritePolicy);
        logged.MapPost("/deleteCanceled", async (ClaimsPrincipal user, DeleteCanceledLoggedSegments delete, CancellationToken ct) =>
            TypedResults.Ok(await delete.HandleAsync(user.UserId(), ct))).RequireAuthorization(Roles.WritePolicy);
    }

    private static void MapCriteria(RouteGroupBuilder group)
    {
        group.MapPost("/{no}/addContacts", async (string no, HttpRequest request, ApplySegmentCriteria criteria, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("filter", "allowExistingContacts");
            var filter = ReadCriteria(body);
            var allowExisting = body.Value<bool?>("allowExistingContacts") ?? false;
            body.ThrowIfErrors();
            return TypedResults.Ok(await criteria.AddAsync(no, filter, allowExisting, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<AddContactsRequest>();
        // Changes nothing, but it is a POST (the filter is a body) and only those who may run criteria need it; the body
        // is an add's, so a client sends what it is about to run.
        group.MapPost("/{no}/countContacts", async (string no, HttpRequest request, ApplySegmentCriteria criteria, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("filter", "allowExistingContacts");
            var filter = ReadCriteria(body);
            _ = body.Value<bool?>("allowExistingContacts");
            body.ThrowIfErrors();
            return TypedResults.Ok(await criteria.CountAsync(no, filter, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<AddContactsRequest>()
        .WithSummary("How many contacts a criteria filter matches (matching) and how many of them are not in the segment yet (new), changing nothing");
        group.MapPost("/{no}/reduceContacts", async (string no, HttpRequest request, ApplySegmentCriteria criteria, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("filter");
            var filter = ReadCriteria(body);
            body.ThrowIfErrors();
            return TypedResults.Ok(await criteria.RemoveAsync(no, filter, keepMatching: false, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CriteriaRequest>();
        group.MapPost("/{no}/refineContacts", async (string no, HttpRequest request, ApplySegmentCriteria criteria, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("filter");
            var filter = ReadCriteria(body);
            body.ThrowIfErrors();
            return TypedResults.Ok(await criteria.RemoveAsync(no, filter, keepMatching: true, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CriteriaRequest>();
        group.MapGet("/{no}/criteria", async (string no, ApplySegmentCriteria criteria, CancellationToken ct) =>
            TypedResults.Ok(await criteria.ListAsync(no, ct)));
        group.MapPost("/{no}/saveCriteria", async (string no, HttpRequest request, SaveSegmentCriteria save, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code", "description");
            var code = body.Value<string?>("code");
            var description = body.Value<string?>("description");
            body.ThrowIfErrors();
            return TypedResults.Ok(await save.SaveAsync(no, code, description, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SaveCriteriaRequest>();
        group.MapPost("/{no}/reuseCriteria", async (string no, HttpRequest request, SaveSegmentCriteria save, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code");
            var code = body.Value<string?>("code");
            body.ThrowIfErrors();
            await save.ReuseAsync(no, code, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<ReuseCriteriaRequest>();
        group.MapPost("/{no}/undoCriteria", async (string no, ApplySegmentCriteria criteria, CancellationToken ct) =>
        {
            await criteria.UndoAsync(no, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
    }

    private static ContactCriteria ReadCriteria(JsonBody body)
    {
        if (body.Object("filter")?.Allow(FilterFields) is not { } filter)
        {
            return new ContactCriteria();
        }
        var interactions = filter.Object("interactions")?.Allow(InteractionFilterFields);
        return new ContactCriteria
        {
            ContactNos = filter.Value<string[]?>("contactNos"),
            Type = filter.Value<Touchpoint.Core.Contacts.ContactType?>("type"),
            CompanyNo = filter.Value<string?>("companyNo"),
            SalespersonCode = filter.Value<string?>("salespersonCode"),
            LanguageCode = filter.Value<string?>("languageCode"),
            CountryRegionCode = filter.Value<string?>("countryRegionCode"),
            City = filter.Value<string?>("city"),
            PostCode = filter.Value<string?>("postCode"),
            Search = filter.Value<string?>("search"),
            Interactions = interactions is null ? null : new InteractionCriteria
            {
                InteractionTemplateCode = interactions.Value<string?>("interactionTemplateCode"),
                InteractionGroupCode = interactions.Value<string?>("interactionGroupCode"),
                DateFrom = interactions.Value<DateOnly?>("dateFrom"),
                DateTo = interactions.Value<DateOnly?>("dateTo"),
            },
        };
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
        lines.MapDelete("/{lineNo:int}", async (string no, int lineNo, bool? resetCriteriaActions, DeleteSegmentLine delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(no, lineNo, resetCriteriaActions ?? false, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
    }

    /// <summary>
    /// Segment interaction languages (BC table 5104, rules 40, 65–67) at the header level (/segments/{no}/languages)
    /// or a line's own (/segments/{no}/lines/{lineNo}/languages): the same endpoints, the level from the route.
    /// </summary>
    private static void MapLanguages(RouteGroupBuilder languages, long uploadLimit)
    {
        languages.MapGet("/", async (string no, HttpRequest request, ListSegmentLanguages list, CancellationToken ct) =>
            TypedResults.Ok(new { value = await list.HandleAsync(no, LineNo(request), ct), nextCursor = (string?)null }));
        languages.MapGet("/{languageCode}", async (string no, string languageCode, HttpRequest request, ListSegmentLanguages list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(no, LineNo(request), languageCode, ct)));
        languages.MapPost("/", async (string no, HttpRequest request, AddSegmentLanguage add, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(LanguageFields);
            var languageCode = body.Value<string?>("languageCode");
            var description = body.Get<string?>("description");
            var subject = body.Get<string?>("subject");
            body.ThrowIfErrors();
            var language = await add.HandleAsync(no, LineNo(request), languageCode, description, subject, ct);
            return TypedResults.Created($"{request.Path.Value!.TrimEnd('/')}/{Uri.EscapeDataString(language.LanguageCode)}", language);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentInteractionLanguageDto>()
        .WithSummary("Add an interaction language; the first one at the header level becomes the default (rule 66)");
        languages.MapPatch("/{languageCode}", async (string no, string languageCode, HttpRequest request, UpdateSegmentLanguage update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow([.. LanguageFields, "applyToLines"]);
            body.RefuseChange("languageCode", languageCode, Messages.Get("CodeCannotChange", Messages.Field("languageCode")));
            var description = body.Get<string?>("description");
            var subject = body.Get<string?>("subject");
            var applyToLines = body.Value<bool?>("applyToLines") ?? true;
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, LineNo(request), languageCode, description, subject, applyToLines, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<SegmentInteractionLanguageDto>()
        .WithSummary("Change description or subject; a new subject reaches the lines that still have the old one unless applyToLines=false (rule 66)");
        languages.MapDelete("/{languageCode}", async (string no, string languageCode, HttpRequest request, RemoveSegmentLanguage remove, CancellationToken ct) =>
        {
            await remove.HandleAsync(no, LineNo(request), languageCode, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy).WithSummary("Remove an interaction language and its attachment (rule 66)");

        languages.MapPut("/{languageCode}/attachment", async (string no, string languageCode, bool? replace, HttpRequest request,
            SetSegmentLanguageAttachment attachments, CancellationToken ct) =>
        {
            var (fileName, content) = await AttachmentUploads.ReadSingleFileAsync(request, ct);
            return TypedResults.Ok(await attachments.HandleAsync(no, LineNo(request), languageCode, fileName, content, replace ?? false, ct));
        }).RequireAuthorization(Roles.WritePolicy).DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(uploadLimit))
        .WithSummary("Upload the attachment (multipart form, one file); replace=true replaces an existing one; the lines using the language take it");
        languages.MapGet("/{languageCode}/attachment", async (string no, string languageCode, HttpRequest request, SetSegmentLanguageAttachment attachments,
            CancellationToken ct) =>
        {
            var (attachment, content) = await attachments.ReadAsync(no, LineNo(request), languageCode, ct);
            return TypedResults.File(content, attachment.ContentType, attachment.FileName);
        }).WithSummary("Download the attachment");
        languages.MapDelete("/{languageCode}/attachment", async (string no, string languageCode, HttpRequest request, SetSegmentLanguageAttachment attachments,
            CancellationToken ct) =>
        {
            await attachments.RemoveAsync(no, LineNo(request), languageCode, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
    }

    private static readonly string[] LanguageFields =
    [
        "languageCode", "description", "subject",
        // read-only, accepted so that a GET result can be sent back as it is
        "hasAttachment", "attachmentFileName", "attachmentSize",
    ];

    /// <summary>The line of a line-level route; 0 (the header level) on the header's.</summary>
    private static int LineNo(HttpRequest request) =>
        request.RouteValues.TryGetValue("lineNo", out var value) && value is not null
            ? int.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture)
            : SegmentInteractionLanguage.HeaderLevel;

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

    // The bodies as the OpenAPI document shows them (they are read field by field, decision 0002).

    /// <summary>Body of POST /segments/{no}/log.</summary>
    internal sealed record LogRequest(bool? Send, bool? CreateFollowUpSegment);

    /// <summary>Body of POST /segments/{no}/addContacts.</summary>
    internal sealed record AddContactsRequest(ContactCriteria? Filter, bool? AllowExistingContacts);

    /// <summary>Body of POST /segments/{no}/reduceContacts and refineContacts.</summary>
    internal sealed record CriteriaRequest(ContactCriteria? Filter);

    /// <summary>Body of POST /segments/{no}/saveCriteria.</summary>
    internal sealed record SaveCriteriaRequest(string Code, string? Description);

    /// <summary>Body of POST /segments/{no}/reuseCriteria.</summary>
    internal sealed record ReuseCriteriaRequest(string Code);
}
