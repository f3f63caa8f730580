using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

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

    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/files/interactionTemplates/{code}/languages/{languageCode}/attachment",
                async (string code, string languageCode, SetTemplateAttachment attachments, HttpResponse response, CancellationToken ct) =>
                {
                    var (attachment, content) = await attachments.ReadAsync(code, languageCode, ct);
                    // Sent as a download, never shown in the app's origin: an uploaded .html file must not run as a page of it.
                    response.Headers.XContentTypeOptions = "nosniff";
                    return TypedResults.File(content, attachment.ContentType, attachment.FileName);
                })
            .RequireAuthorization(Roles.ReadPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
