namespace Touchpoint.Core.Documents;

/// <summary>
/// The first answer to a request sent with an Idempotency-Key: a retry with the same key gets it back and writes
/// nothing new. The key is the primary key, so of many requests with one key exactly one can write it; it is written
/// in the same transaction as the entry it answers for.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyLength = 200;

    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string key, DateTimeOffset createdAt)
    {
        Key = key;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public bool Logged { get; private set; }
    public long? EntryNo { get; private set; }
    public string? Reason { get; private set; }

    public void Answer(DocumentLoggedDto answer)
    {
        Logged = answer.Logged;
        EntryNo = answer.EntryNo;
        Reason = answer.Reason;
    }

    public DocumentLoggedDto ToDto() => new(Logged, EntryNo, Reason);
}
