using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>A contact's note as the API and the timeline show it.</summary>
public sealed record ContactNoteDto(long LineNo, string ContactNo, DateOnly Date, TimeOnly Time, string Comment, string UserId,
    DateTimeOffset CreatedAt, DateTimeOffset? ModifiedAt);

/// <summary>
/// BC table 5061 Rlshp. Mgt. Comment Line for a contact (the contact card's "Comments"): a dated line of text, here
/// with who wrote it and when. Two differences from BC, both for a feed of notes:
/// <list type="bullet">
/// <item>The text holds <see cref="CommentLength"/> characters, not BC's 80. BC's comment lines are one line each and a
/// longer remark is several lines; a sales note ("called back, they want a quote for 40 seats, decision after the
/// board meets on the 12th, …") is one paragraph, and splitting it over lines would break it apart in the feed.
/// 2,000 holds a long paragraph (a screen of text on a phone) and stays an ordinary bounded column on both databases,
/// as the audit trail's details are.</item>
/// <item>The line no. is one number across all contacts (handed out by the database), not BC's 10000-steps per
/// contact: two users adding a note to the same contact at once never pick the same number, and the timeline can
/// page through the notes of a company and all its persons by one key.</item>
/// </list>
/// <see cref="Time"/> is the local time of day it was written: the timeline orders a day's notes with its interactions.
/// </summary>
public sealed class ContactNote
{
    public const int CommentLength = 2000;
    public const int UserIdLength = 256;

    private ContactNote()
    {
    }

    public long LineNo { get; private set; }
    public string ContactNo { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public TimeOnly Time { get; private set; }
    public string Comment { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ModifiedAt { get; private set; }

    /// <summary>A new note, dated <paramref name="date"/> (today when not given), its text checked into <paramref name="errors"/>.</summary>
    public static ContactNote Create(string contactNo, string? comment, DateOnly? date, string userId, DateTimeOffset now, FieldErrors errors)
    {
        var local = now.LocalDateTime;
        var note = new ContactNote
        {
            ContactNo = contactNo,
            Date = date ?? DateOnly.FromDateTime(local),
            Time = TimeOnly.FromDateTime(local),
            UserId = userId.Length <= UserIdLength ? userId : userId[..UserIdLength],
            CreatedAt = now,
        };
        note.Comment = Text(comment, errors) ?? "";
        return note;
    }

    /// <summary>Changes the fields given (a PATCH): the text must stay non-blank and within <see cref="CommentLength"/>.</summary>
    public void Change(Optional<string?> comment, Optional<DateOnly?> date, DateTimeOffset now, FieldErrors errors)
    {
        if (comment.IsSet)
        {
            Comment = Text(comment.Value, errors) ?? Comment;
        }
        if (date.IsSet)
        {
            if (date.Value is { } value)
            {
                Date = value;
            }
            else
            {
                errors.Required("date", null);
            }
        }
        ModifiedAt = now;
    }

    public ContactNoteDto ToDto() => new(LineNo, ContactNo, Date, Time, Comment, UserId, CreatedAt, ModifiedAt);

    // Line breaks are kept (a note is a paragraph or a few); only the ends are trimmed.
    private static string? Text(string? comment, FieldErrors errors) =>
        errors.MaxLength("comment", errors.Required("comment", comment)?.Trim(), CommentLength);
}
