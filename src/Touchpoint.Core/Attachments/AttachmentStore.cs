using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Attachments;

/// <summary>A file that passed <see cref="AttachmentStore.Check"/>; a Word document opened as a letter.</summary>
public sealed record CheckedFile(string Name, string Extension, string ContentType, byte[] Content, WordLetter? Letter)
{
    /// <summary>The letter's merge fields, and those among them that are unknown; none for other kinds of file.</summary>
    public LetterFieldsDto Fields => Letter is null ? LetterFieldsDto.None : new(Letter.MergeFields, Letter.UnknownMergeFields);
}


/// <summary>
/// Adds, reads and removes attachments. A file is checked before it is kept: not empty, not larger than the limit,
/// of a known kind, and its bytes are what its extension claims (a "letter.docx" that is not a Word document would
/// fail later, at merge or at the recipient), and a Word document opens as a letter within its limits (rule 49). The
/// caller saves the changes (one transaction with its own).
/// </summary>
public sealed class AttachmentStore(ITouchpointDb db, AttachmentSettings settings, TimeProvider clock)
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["docx"] = WordContentType,
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["doc"] = "application/msword",
        ["pdf"] = "application/pdf",
        ["html"] = "text/html",
        ["htm"] = "text/html",
        ["txt"] = "text/plain",
        ["rtf"] = "application/rtf",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["eml"] = "message/rfc822",
    };

    public static IReadOnlyCollection<string> Extensions => ContentTypes.Keys;

    /// <summary>
    /// The checks of a file on its own: name, size, kind and content. A caller that refuses for other reasons too (an
    /// attachment that would be replaced) checks the file first, so a bad file is told as such, not as a conflict.
    /// </summary>
    /// <summary>
    /// The name an upload is stored and offered for download under: the file name only, whichever separator the
    /// client's system uses (a Windows path keeps its backslashes through Path.GetFileName on Linux), without control
    /// or invisible formatting characters (a right-to-left override can make "gpj.exe" read "exe.jpg").
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        return new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray()).Trim();
    }

    public CheckedFile Check(string? fileName, byte[] content)
    {
        var name = SafeFileName(fileName);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        if (name.Length == 0)
        {
            throw DomainException.Invalid("file", Messages.Get("AttachmentNoFile"));
        }
        if (name.Length > Attachment.FileNameLength)
        {
            throw DomainException.Invalid("file", Messages.Get("AttachmentNameTooLong", Attachment.FileNameLength));
        }
        if (content.Length == 0)
        {
            throw DomainException.Invalid("file", Messages.Get("AttachmentEmpty", name));
        }
        if (content.LongLength > settings.MaxSizeBytes)
        {
            throw new DomainException(DomainErrorKind.TooLarge, Messages.Get("AttachmentTooLarge", name, Megabytes(settings.MaxSizeBytes)));
        }
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            throw new DomainException(DomainErrorKind.Unsupported,
                Messages.Get("AttachmentKindUnknown", name, string.Join(", ", ContentTypes.Keys.Order(StringComparer.Ordinal))));
        }
        if (!LooksLike(extension, content))
        {
            throw DomainException.Invalid("file", Messages.Get("AttachmentNotWhatItClaims", name, extension));
        }
        // A letter is opened now, bounded, so a file that could never be merged is refused before it is stored.
        var letter = extension == "docx" ? WordLetter.Open(content, name) : null;
        return new CheckedFile(name, extension, contentType, content, letter);
    }

    /// <summary>Adds a checked file (and its content, when new) to the change set.</summary>
    public async Task<Attachment> AddAsync(CheckedFile file, CancellationToken ct)
    {
        var (name, extension, contentType, content, _) = file;
        var hash = ContentHash(content);
        if (!await db.AttachmentContents.AnyAsync(c => c.Hash == hash, ct)
            && db.AttachmentContents.Local.All(c => c.Hash != hash))
        {
            db.AttachmentContents.Add(new AttachmentContent(hash, content));
        }
        var attachment = new Attachment(name, extension, contentType, content.LongLength, hash, clock.GetUtcNow());
        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>The key of <see cref="AttachmentContent"/>: the SHA-256 of the bytes, in lower-case hex.</summary>
    public static string ContentHash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The attachment a logged entry keeps (BC copies the template's file into a new read-only attachment): a new
    /// row over the same stored bytes, so replacing the template's file later never changes what was sent.
    /// </summary>
    public Task<Attachment> CopyForEntryAsync(long no, CancellationToken ct) => CopyAsync(no, readOnly: true, ct);

    /// <summary>
    /// A copy of its own for a segment language (BC copies the template language's file, rule 39): a new row over the
    /// same stored bytes, which can be replaced or removed without touching the original.
    /// </summary>
    public async Task<Attachment> CopyAsync(long no, bool readOnly, CancellationToken ct)
    {
        var source = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("AttachmentNotFound", no));
        var copy = new Attachment(source.FileName, source.FileExtension, source.ContentType, source.Size, source.ContentHash, clock.GetUtcNow());
        if (readOnly)
        {
            copy.MarkReadOnly();
        }
        db.Attachments.Add(copy);
        return copy;
    }

    /// <summary>
    /// Rule 5 before an upload over <paramref name="no"/>: a read-only file is never replaced, another only when the
    /// caller says so (BC's "Replace existing attachment?", default No). Nothing to replace: nothing to check.
    /// </summary>
    public async Task CheckReplaceableAsync(long? no, bool replace, CancellationToken ct)
    {
        if (no is null)
        {
            return;
        }
        var old = await db.Attachments.AsNoTracking().FirstAsync(a => a.No == no, ct);
        if (old.ReadOnly)
        {
            throw DomainException.Conflict(Messages.Get("AttachmentReadOnly", old.FileName));
        }
        if (!replace)
        {
            throw DomainException.Conflict(Messages.Get("ReplaceExistingAttachment", old.FileName), "replace");
        }
    }

    public async Task<(Attachment Attachment, byte[] Content)> ReadAsync(long no, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("AttachmentNotFound", no));
        var content = await db.AttachmentContents.AsNoTracking().Where(c => c.Hash == attachment.ContentHash)
            .Select(c => c.Content).SingleAsync(ct);
        return (attachment, content);
    }

    /// <summary>
    /// Removes the attachment, and its content unless another attachment has the same bytes. Runs set-based SQL:
    /// call it inside the caller's transaction.
    /// </summary>
    public async Task RemoveAsync(long no, CancellationToken ct)
    {
        var hash = await db.Attachments.Where(a => a.No == no).Select(a => a.ContentHash).FirstOrDefaultAsync(ct);
        if (hash is null)
        {
            return;
        }
        await db.Attachments.Where(a => a.No == no).ExecuteDeleteAsync(ct);
        if (!await db.Attachments.AnyAsync(a => a.ContentHash == hash, ct))
        {
            await db.AttachmentContents.Where(c => c.Hash == hash).ExecuteDeleteAsync(ct);
        }
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The first bytes of each kind of file (its "magic number"); text kinds must be UTF-8 without NUL bytes.</summary>
    private static bool LooksLike(string extension, byte[] content)
    {
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(content.Length, 8));
        switch (extension)
        {
            case "docx" or "xlsx" or "pptx":
                // A ZIP package that holds the Office part list.
                return head.StartsWith("PK\u0003\u0004"u8) && content.AsSpan().IndexOf("[Content_Types].xml"u8) >= 0;
            case "doc":
                return head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
            case "pdf":
                return head.StartsWith("%PDF-"u8);
            case "png":
                return head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            case "jpg" or "jpeg":
                return head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF });
            case "gif":
                return head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8);
            case "rtf":
                return head.StartsWith("{\\rtf"u8);
            default:
                // html, htm, txt, eml: text.
                if (content.AsSpan().IndexOf((byte)0) >= 0)
                {
                    return false;
                }
                try
                {
                    _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }
        }
    }
}
