using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Interactions;

/// <summary>
/// Interactions: the actions on an entry (evaluate, comments, create opportunity, attachment) and the phone
/// call (rule 58).
/// </summary>
internal static class InteractionEntryActionsApi
{
    private static readonly string[] PhoneCallFields =
    [
        "contactNo", "salespersonCode", "description", "contactVia", "date", "timeOfInteraction", "evaluation",
        "attemptFailed", "durationMin", "campaignNo", "opportunityNo", "comments",
    ];

    internal static void MapInteractionEntryActions(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/interactionLogEntries").WithTags("Interaction log entries");
        entries.MapPost("/{entryNo:long}/evaluate", async (long entryNo, HttpRequest request, EvaluateInteraction evaluate, GetInteractionLogEntry get, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("evaluation");
            var evaluation = body.Value<Evaluation?>("evaluation");
            body.ThrowIfErrors();
            await evaluate.HandleAsync([entryNo], evaluation, ct);
            return TypedResults.Ok(await get.HandleAsync(entryNo, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<EvaluateBody>()
        .WithSummary("Evaluate an entry: veryPositive … veryNegative (rule 23); 409 on a postponed entry");
        entries.MapPost("/evaluate", async (HttpRequest request, EvaluateInteraction evaluate, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("entryNos", "evaluation");
            var entryNos = body.Value<long[]?>("entryNos");
            var evaluation = body.Value<Evaluation?>("evaluation");
            body.ThrowIfErrors();
            return TypedResults.Ok(new { count = await evaluate.HandleAsync(entryNos ?? [], evaluation, ct) });
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<EvaluateManyBody>()
        .WithSummary("Evaluate several entries, all or none");

        entries.MapGet("/{entryNo:long}/comments", async (long entryNo, InteractionLogEntryComments comments, CancellationToken ct) =>
            TypedResults.Ok(new { value = await comments.ListAsync(entryNo, ct), nextCursor = (string?)null }))
            .WithSummary("The entry's comment lines in line order");
        entries.MapGet("/{entryNo:long}/comments/{lineNo:int}", async (long entryNo, int lineNo, InteractionLogEntryComments comments, CancellationToken ct) =>
            TypedResults.Ok(await comments.GetAsync(entryNo, lineNo, ct)));
        entries.MapPost("/{entryNo:long}/comments", async (long entryNo, HttpRequest request, InteractionLogEntryComments comments, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("date", "comment");
            var date = body.Value<DateOnly?>("date");
            var comment = body.Value<string?>("comment");
            body.ThrowIfErrors();
            var line = await comments.AddAsync(entryNo, date, comment, ct);
            return TypedResults.Created($"/api/v1/interactionLogEntries/{entryNo}/comments/{line.LineNo}", line);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CommentBody>()
        .WithSummary("Add a comment line (≤80 characters); without a date it gets today's, unless a line already has it (rule 1.6)");
        entries.MapPatch("/{entryNo:long}/comments/{lineNo:int}", async (long entryNo, int lineNo, HttpRequest request, InteractionLogEntryComments comments, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("date", "comment");
            var date = body.Get<DateOnly?>("date");
            var comment = body.Get<string?>("comment");
            body.ThrowIfErrors();
            return TypedResults.Ok(await comments.ChangeAsync(entryNo, lineNo, date, comment, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<CommentBody>()
        .WithSummary("Change a comment line's date (null: blank) or comment (≤80 characters); its last date modified becomes today");
        entries.MapDelete("/{entryNo:long}/comments/{lineNo:int}", async (long entryNo, int lineNo, InteractionLogEntryComments comments, CancellationToken ct) =>
        {
            await comments.DeleteAsync(entryNo, lineNo, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy)
        .WithSummary("Delete a comment line; the entry's hasComments clears with its last line");

        entries.MapPost("/{entryNo:long}/createOpportunity", async (long entryNo, CreateOpportunityFromEntry create, CancellationToken ct) =>
        {
            var opportunity = await create.HandleAsync(entryNo, ct);
            return TypedResults.Created($"/api/v1/opportunities/{Uri.EscapeDataString(opportunity.No)}", opportunity);
        }).RequireAuthorization(Roles.WritePolicy).Produces<OpportunityDto>(StatusCodes.Status201Created)
        .WithSummary("Create an opportunity from the entry (rules 32, 60); 409 when canceled, postponed or it has one");

        entries.MapGet("/{entryNo:long}/attachment", async (long entryNo, GetInteractionAttachment attachment, CancellationToken ct) =>
        {
            var (file, content) = await attachment.HandleAsync(entryNo, ct);
            return TypedResults.File(content, file.ContentType, file.FileName);
        }).WithSummary("Download the file the entry keeps (404 when it has none)");

        api.MapPost("/phoneCalls", async (HttpRequest request, ClaimsPrincipal user, MakePhoneCall call, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(PhoneCallFields);
            var input = new PhoneCallRequest
            {
                ContactNo = body.Value<string?>("contactNo"),
                SalespersonCode = body.Value<string?>("salespersonCode"),
                Description = body.Value<string?>("description"),
                ContactVia = body.Value<string?>("contactVia"),
                Date = body.Value<DateOnly?>("date"),
                TimeOfInteraction = body.Value<TimeOnly?>("timeOfInteraction"),
                Evaluation = body.Value<Evaluation?>("evaluation"),
                AttemptFailed = body.Value<bool?>("attemptFailed"),
                DurationMin = body.Value<decimal?>("durationMin"),
                CampaignNo = body.Value<string?>("campaignNo"),
                OpportunityNo = body.Value<string?>("opportunityNo"),
                Comments = body.Value<string[]?>("comments"),
            };
            body.ThrowIfErrors();
            var entry = await call.HandleAsync(input, user.UserId(), request.Headers["Idempotency-Key"].FirstOrDefault(), ct);
            return TypedResults.Created($"/api/v1/interactionLogEntries/{entry.EntryNo}", entry);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<PhoneCallRequest>().WithTags("Interactions")
        .WithSummary("Log a phone call with the Outg. Calls template (rule 58); never delivered");
    }

    /// <summary>Body of evaluate.</summary>
    internal sealed record EvaluateBody(Evaluation Evaluation);

    /// <summary>Body of evaluating several entries.</summary>
    internal sealed record EvaluateManyBody(long[] EntryNos, Evaluation Evaluation);

    /// <summary>Body of a new comment line.</summary>
    internal sealed record CommentBody(DateOnly? Date, string Comment);
}
