using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Interactions;

/// <summary>The multipart upload of one attachment, shared by the template-language and segment-language endpoints.</summary>
internal static class AttachmentUploads
{
    /// <summary>An upload may be the attachment limit plus the multipart framing; Kestrel refuses more with a 413.</summary>
    public static long RequestLimit(IEndpointRouteBuilder api) =>
        api.ServiceProvider.GetRequiredService<AttachmentSettings>().MaxSizeBytes + 1024 * 1024;

    /// <summary>
    /// One file from a multipart form. The size limit is the use case's (configurable); the body is read up to one
    /// byte past it, so an oversized upload is refused without being held in memory whole.
    /// </summary>
    public static async Task<(string? FileName, byte[] Content)> ReadSingleFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new HttpProblemException(StatusCodes.Status415UnsupportedMediaType, Messages.Get("ProblemUnsupportedContentType"),
                Messages.Get("AttachmentNeedsMultipart"));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            // A body that ends before its closing boundary (a truncated upload): the client's, not the server's fault.
            throw DomainException.Invalid("file", Messages.Get("FormUnreadable"));
        }
        if (form.Files.Count != 1)
        {
            throw DomainException.Invalid("file", Messages.Get(form.Files.Count == 0 ? "AttachmentNoFile" : "AttachmentOneFile"));
        }
        var file = form.Files[0];
        var limit = request.HttpContext.RequestServices.GetRequiredService<AttachmentSettings>().MaxSizeBytes;
        if (file.Length > limit)
        {
            throw new DomainException(DomainErrorKind.TooLarge, Messages.Get("AttachmentTooLarge", file.FileName,
                (limit / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)));
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray());
    }
}
