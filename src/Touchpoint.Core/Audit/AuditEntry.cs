namespace Touchpoint.Core.Audit;

/// <summary>
/// One line of the audit trail: who did what to which record, and when. Written in the same transaction as the change
/// it records (so a rolled-back change leaves no line), never changed or deleted afterwards.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionLength = 40;
    public const int EntityLength = 40;
    public const int KeyLength = 250;
    public const int UserIdLength = 256;
    public const int DetailsLength = 2000;

    private AuditEntry()
    {
    }

    internal AuditEntry(DateTimeOffset at, string? userId, string action, string entity, string key, string? details)
    {
        At = at;
        Date = DateOnly.FromDateTime(at.UtcDateTime);
        UserId = Cut(userId, UserIdLength);
        Action = Cut(action, ActionLength)!;
        Entity = Cut(entity, EntityLength)!;
        Key = Cut(key, KeyLength)!;
        Details = Cut(details, DetailsLength);
    }

    public long EntryNo { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The UTC date of <see cref="At"/>: what the date filters compare (both databases index and compare a date alike).</summary>
    public DateOnly Date { get; private set; }

    public string? UserId { get; private set; }
    public string Action { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string? Details { get; private set; }

    // A long filter or key list is cut rather than refused: the change it records must not fail because of its audit line.
    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
