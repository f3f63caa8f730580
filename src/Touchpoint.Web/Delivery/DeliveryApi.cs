using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Delivery;

/// <summary>
/// Delivery (rules 48–50): an entry's merged letter (preview, hard copy), a logged segment's hard copies as one PDF,
/// and resending entries.
/// </summary>
internal static class DeliveryApi
{
    internal static void MapDelivery(this RouteGroupBuilder api)
    {
        var entries = api.MapGroup("/interactionLogEntries").WithTags("Delivery");
        entries.MapGet("/{entryNo:long}/document", async (long entryNo, string? format, ClaimsPrincipal user, EntryDocument document, CancellationToken ct) =>
        {
            // Without a format it is the hard copy, which delivers a hard copy waiting to be printed; with one, a preview.
            var file = Query.Enum<LetterFormat>(format, "format") is { } preview
                ? await document.PreviewAsync(entryNo, preview, ct)
                : await document.PrintAsync(entryNo, MayLog(user), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithSummary("The entry's Word letter merged: the hard copy as PDF, or ?format=docx|pdf to preview (409 when it is not a Word letter)");
        entries.MapPost("/{entryNo:long}/resend", async (long entryNo, HttpRequest request, ClaimsPrincipal user, ResendAttachments resend,
            CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("correspondenceType", "updateMergeFields");
            var input = ReadResend(body);
            body.ThrowIfErrors();
            return TypedResults.Accepted((string?)null, await resend.EntriesAsync([entryNo], input, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<ResendBody>()
        .WithSummary("Deliver the entry again (rule 50); with updateMergeFields a new entry \"Resend: …\" is logged and delivered; 409 when there is nothing to send");
        entries.MapPost("/resend", async (HttpRequest request, ClaimsPrincipal user, ResendAttachments resend, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("entryNos", "correspondenceType", "updateMergeFields");
            var entryNos = body.Value<long[]?>("entryNos");
            var input = ReadResend(body);
            body.ThrowIfErrors();
            return TypedResults.Accepted((string?)null, await resend.EntriesAsync(entryNos ?? [], input, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<ResendManyBody>()
        .WithSummary("Deliver several entries again (rule 50), all checked before any is sent");

        var logged = api.MapGroup("/loggedSegments").WithTags("Delivery");
        logged.MapGet("/{entryNo:long}/document", async (long entryNo, ClaimsPrincipal user, PrintLoggedSegment print, CancellationToken ct) =>
        {
            var file = await print.HandleAsync(entryNo, MayLog(user), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithSummary("Every hard-copy letter of the logged segment, merged, in line order, as one PDF to print");
        logged.MapPost("/{entryNo:long}/resend", async (long entryNo, HttpRequest request, ClaimsPrincipal user, ResendAttachments resend,
            CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("correspondenceType", "updateMergeFields", "onlyFailed");
            var input = ReadResend(body);
            var onlyFailed = body.Value<bool?>("onlyFailed") ?? true;
            body.ThrowIfErrors();
            return TypedResults.Accepted((string?)null, await resend.LoggedSegmentAsync(entryNo, input, onlyFailed, user.UserId(), ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<ResendLoggedSegmentBody>()
        .WithSummary("Deliver the logged segment's entries again, by default only those whose delivery failed (rule 50)");
    }

    private static ResendRequest ReadResend(JsonBody body) => new()
    {
        CorrespondenceType = body.Value<ResendCorrespondenceType?>("correspondenceType") ?? ResendCorrespondenceType.SameAsEntry,
        UpdateMergeFields = body.Value<bool?>("updateMergeFields") ?? false,
    };

    // A viewer may print, but only a user who may log interactions delivers the hard copies by printing them.
    internal static bool MayLog(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales);

    internal sealed record ResendBody(ResendCorrespondenceType CorrespondenceType, bool UpdateMergeFields);

    internal sealed record ResendManyBody(long[] EntryNos, ResendCorrespondenceType CorrespondenceType, bool UpdateMergeFields);

    internal sealed record ResendLoggedSegmentBody(ResendCorrespondenceType CorrespondenceType, bool UpdateMergeFields, bool OnlyFailed);
}
