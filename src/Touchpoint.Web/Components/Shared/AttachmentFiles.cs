using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Touchpoint.Core.Attachments;

namespace Touchpoint.Web.Components.Shared;

/// <summary>What the pages that take an attachment upload share: the kinds offered, sizes as text, reading the file.</summary>
public static class AttachmentFiles
{
    private static IEnumerable<string> Kinds => AttachmentStore.Extensions.Order(StringComparer.Ordinal);

    /// <summary>The file picker's filter.</summary>
    public static string Accept => string.Join(",", Kinds.Select(e => "." + e));

    public static string KindsText => string.Join(", ", Kinds);

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.CurrentCulture);

    public static string SizeText(IStringLocalizer l, long? size) => size switch
    {
        null => "",
        < 1024 => l["SizeBytes", size.Value.ToString("N0", CultureInfo.CurrentCulture)],
        < 1024 * 1024 => l["SizeKilobytes", (size.Value / 1024d).ToString("N1", CultureInfo.CurrentCulture)],
        _ => l["SizeMegabytes", (size.Value / 1024d / 1024d).ToString("N1", CultureInfo.CurrentCulture)],
    };

    /// <summary>The chosen file's bytes, at most <paramref name="maxBytes"/> (the browser stopping early is an IOException).</summary>
    public static async Task<byte[]> ReadAsync(IBrowserFile file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream(maxBytes);
        using var buffer = new MemoryStream((int)file.Size);
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
