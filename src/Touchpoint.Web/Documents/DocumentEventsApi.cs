using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Documents;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Documents;

/// <summary>Automatic recording from documents (docs/rules.md, rules 51–56): the ERP tells that a document was printed or sent.</summary>
internal static class DocumentEventsApi
{
    private static readonly string[] Fields =
    [
        "documentType", "documentNo", "versionNo", "docNoOccurrence", "customerNo", "vendorNo", "contactNo", "salespersonCode",
        "description", "campaignNo", "date", "timeOfInteraction",
    ];

    public static void MapDocumentEvents(this RouteGroupBuilder api)
    {
        api.MapPost("/documentEvents", async (HttpRequest request, ClaimsPrincipal user, LogDocument logDocument, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var e = new DocumentEvent
            {
                DocumentType = body.Value<DocumentType?>("documentType"),
                DocumentNo = body.Value<string?>("documentNo"),
                VersionNo = body.Value<int?>("versionNo"),
                DocNoOccurrence = body.Value<int?>("docNoOccurrence"),
                CustomerNo = body.Value<string?>("customerNo"),
                VendorNo = body.Value<string?>("vendorNo"),
                ContactNo = body.Value<string?>("contactNo"),
                SalespersonCode = body.Value<string?>("salespersonCode"),
                Description = body.Value<string?>("description"),
                CampaignNo = body.Value<string?>("campaignNo"),
                Date = body.Value<DateOnly?>("date"),
                TimeOfInteraction = body.Value<TimeOnly?>("timeOfInteraction"),
            };
            body.ThrowIfErrors();
            var key = request.Headers["Idempotency-Key"].FirstOrDefault();
            var answer = await logDocument.HandleAsync(e, user.UserId(), key, ct);
            return answer.Logged
                ? Results.Created($"/api/v1/interactionLogEntries/{answer.EntryNo}", answer)
                : Results.Ok(answer);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<DocumentEvent>().WithTags("Documents")
        .WithSummary("Log a printed or sent document (rules 51-56); 200 with the reason when nothing can be logged");
    }
}
