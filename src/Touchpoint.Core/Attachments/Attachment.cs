namespace Touchpoint.Core.Attachments;

/// <summary>
/// BC table 5062 Attachment: a file that a template language or an interaction log entry points to by number. Its
/// bytes live in <see cref="AttachmentContent"/>, keyed by their SHA-256, so the same file used by many entries (a
/// segment's letter logged for 10,000 contacts) is stored once. Storage type is always "embedded" (in the database);
/// BC's disk-file storage has no advantage for a server that owns its database.
/// </summary>
public sealed class Attachment
{
    public const int FileNameLength = 250;
    public const int ExtensionLength = 20;

    private Attachment()
    {
    }

    public Attachment(string fileName, string fileExtension, string contentType, long size, string contentHash, DateTimeOffset now)
    {
        FileName = fileName;
        FileExtension = fileExtension;
        ContentType = contentType;
        Size = size;
        ContentHash = contentHash;
        LastDateTimeModified = now;
    }

    public long No { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>Lower case, without the dot ("docx").</summary>
    public string FileExtension { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string ContentHash { get; private set; } = "";

    /// <summary>Set when a logged entry uses the file: what was sent must stay as it was sent.</summary>
    public bool ReadOnly { get; private set; }
    public DateTimeOffset LastDateTimeModified { get; private set; }

    /// <summary>A Word document can be merged with the contact's and salesperson's fields (wizard action Merge).</summary>
    public bool IsWordDocument => FileExtension == WordExtension;

    public const string WordExtension = "docx";

    public void MarkReadOnly() => ReadOnly = true;
}

/// <summary>The bytes of one or more attachments with the same content.</summary>
public sealed class AttachmentContent
{
    private AttachmentContent()
    {
    }

    public AttachmentContent(string hash, byte[] content)
    {
        Hash = hash;
        Content = content;
        Size = content.LongLength;
    }

    public string Hash { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long Size { get; private set; }
}

/// <summary>How large an attachment may be, in bytes: <see cref="AttachmentOptions.MaxSizeMb"/> (20 MB by default).</summary>
public sealed record AttachmentSettings(long MaxSizeBytes)
{
    public static AttachmentSettings Default { get; } = new(20L * 1024 * 1024);
}
