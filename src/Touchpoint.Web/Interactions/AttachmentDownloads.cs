using Touchpoint.Core.Common;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Segments;

namespace Touchpoint.Web.Interactions;

/// <summary>
/// File downloads for the pages. A page cannot link to the API's attachment download: the API speaks bearer tokens
/// only, and a browser following a link sends its cookie. These routes are outside /api, so the cookie signs them
/// in, and they call the same use case as the API does.
/// </summary>
internal static class AttachmentDownloads
{
    public static string TemplateLanguageUrl(string templateCode, string languageCode) =>
        $"/files/interactionTemplates/{Uri.EscapeDataString(templateCode)}/languages/{Uri.EscapeDataString(languageCode)}/attachment";

    /// <summary>A segment language's file: the header level's (line no. 0) or a line's own.</summary>
    public static string SegmentLanguageUrl(string segmentNo, int lineNo, string languageCode) =>
        $"/files/segments/{Uri.EscapeDataString(segmentNo)}/lines/{lineNo}/languages/{Uri.EscapeDataString(languageCode)}/attachment";

    /// <summary>The file a logged entry keeps (its letter).</summary>
    public static string EntryUrl(long entryNo) => $"/files/interactionLogEntries/{entryNo}/attachment";

    /// <summary>
    /// An entry's letter merged for its contact, as the API's <c>GET /interactionLogEntries/{entryNo}/document</c>
    /// gives it: <c>pdf</c> or <c>docx</c>.
    /// </summary>
    public static string EntryDocumentUrl(long entryNo, string format) => $"/files/interactionLogEntries/{entryNo}/document?format={format}";

    /// <summary>Every hard-copy letter of a logged segment in one PDF, as the API's <c>GET /loggedSegments/{entryNo}/document</c>.</summary>
    public static string LoggedSegmentDocumentUrl(long entryNo) => $"/files/loggedSegments/{entryNo}/document";

    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/files/interactionTemplates/{code}/languages/{languageCode}/attachment",
                async (string code, string languageCode, SetTemplateAttachment attachments, HttpResponse response, CancellationToken ct) =>
                    Download(response, await attachments.ReadAsync(code, languageCode, ct)))
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        app.MapGet("/files/segments/{no}/lines/{lineNo:int:min(0)}/languages/{languageCode}/attachment",
                async (string no, int lineNo, string languageCode, SetSegmentLanguageAttachment attachments, HttpResponse response, CancellationToken ct) =>
                    Download(response, await attachments.ReadAsync(no, lineNo, languageCode, ct)))
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        app.MapGet("/files/interactionLogEntries/{entryNo:long}/attachment",
                async (long entryNo, GetInteractionAttachment attachments, HttpResponse response, CancellationToken ct) =>
                    Download(response, await attachments.HandleAsync(entryNo, ct)))
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        app.MapGet("/files/interactionLogEntries/{entryNo:long}/document",
                async (long entryNo, string? format, EntryDocument document, HttpResponse response, CancellationToken ct) =>
                    Letter(response, await document.PreviewAsync(entryNo, format == "docx" ? LetterFormat.Docx : LetterFormat.Pdf, ct)))
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        app.MapGet("/files/loggedSegments/{entryNo:long}/document",
                async (long entryNo, System.Security.Claims.ClaimsPrincipal user, PrintLoggedSegment print, HttpResponse response, CancellationToken ct) =>
                    Letter(response, await print.HandleAsync(entryNo, Delivery.DeliveryApi.MayLog(user), ct)))
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A merged letter: a PDF opens in the browser's viewer (the print button is there), a .docx downloads.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Letter(HttpResponse response, LetterFile file)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        if (file.ContentType != EntryDocument.PdfContentType)
        {
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        var inline = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        // Both filename and filename* (RFC 6266): a Russian letter's name survives in every browser.
        inline.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = inline.ToString();
        return TypedResults.File(file.Content, file.ContentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Download(HttpResponse response, (Attachment Attachment, byte[] Content) file)
    {
        // Sent as a download, never shown in the app's origin: an uploaded .html file must not run as a page of it.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
    }
}
