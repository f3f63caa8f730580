using Touchpoint.Core.Delivery;

namespace Touchpoint.Core.Segments;

/// <summary>
/// BC table 5104 Segment Interaction Language: a language version of a segment's letter. Line no. 0 is the header
/// level, for the header's template, which lines inherit; a line no. above 0 is a line's own ("unique") version,
/// made when the line has another template or its own letter (rule 40). Its attachment is a copy of its own, so
/// replacing it never changes the template's or another segment's file.
/// </summary>
public sealed class SegmentInteractionLanguage
{
    public const int HeaderLevel = 0;

    private SegmentInteractionLanguage()
    {
    }

    public SegmentInteractionLanguage(string segmentNo, int segmentLineNo, string languageCode, string description, string subject, long? attachmentNo)
    {
        SegmentNo = segmentNo;
        SegmentLineNo = segmentLineNo;
        LanguageCode = languageCode;
        Description = description;
        Subject = subject;
        AttachmentNo = attachmentNo;
    }

    public string SegmentNo { get; private set; } = "";

    /// <summary>0: the header level; otherwise the line whose own version this is.</summary>
    public int SegmentLineNo { get; private set; }
    public string LanguageCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public long? AttachmentNo { get; private set; }

    public void Describe(string description) => Description = description;

    public void SetSubject(string subject) => Subject = subject;

    public void SetAttachment(long? attachmentNo) => AttachmentNo = attachmentNo;
}

public record SegmentInteractionLanguageDto(string LanguageCode, string Description, string Subject, bool HasAttachment,
    string? AttachmentFileName, long? AttachmentSize);

/// <summary>The answer to an upload: the language as read, and the merge fields of its Word letter (rule 49).</summary>
public sealed record UploadedSegmentLanguageDto : SegmentInteractionLanguageDto
{
    public UploadedSegmentLanguageDto(SegmentInteractionLanguageDto language, LetterFieldsDto fields) : base(language)
    {
        ArgumentNullException.ThrowIfNull(fields);
        MergeFields = fields.MergeFields;
        UnknownMergeFields = fields.UnknownMergeFields;
    }

    public IReadOnlyList<string> MergeFields { get; }
    public IReadOnlyList<string> UnknownMergeFields { get; }
}
