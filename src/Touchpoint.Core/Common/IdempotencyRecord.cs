using System.Security.Cryptography;
using System.Text.Json;

namespace Touchpoint.Core.Common;

/// <summary>
/// An Idempotency-Key sent with a request that logs (POST /interactions, /phoneCalls, /documentEvents), with what
/// identifies the request it came with: the endpoint and a hash of the request's values. The same key with the same
/// request gets the first answer; with another request (or on another endpoint) it is refused with 422.
/// </summary>
public sealed record IdempotencyKey(string Key, string Scope, string RequestHash)
{
    /// <summary>The key of a request, or null when none was sent; a key longer than allowed is refused at its header.</summary>
    public static IdempotencyKey? From<TRequest>(string? header, string scope, TRequest request) =>
        From(header, scope, () => Hash(request));

    /// <summary>The same, with the request's hash made by the caller (only when a key was sent).</summary>
    public static IdempotencyKey? From(string? header, string scope, Func<string> requestHash)
    {
        var key = string.IsNullOrWhiteSpace(header) ? null : header.Trim();
        if (key is null)
        {
            return null;
        }
        if (key.Length > IdempotencyRecord.KeyLength)
        {
            throw DomainException.Invalid("Idempotency-Key", Messages.Get("IdempotencyKeyTooLong", IdempotencyRecord.KeyLength));
        }
        return new IdempotencyKey(key, scope, requestHash());
    }

    /// <summary>The request's values as JSON, hashed: equal requests hash alike however their JSON was spaced or ordered.</summary>
    public static string Hash<TRequest>(TRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}

/// <summary>The answer a logging request got: its entry, or why nothing was logged (a document's "noTemplate", "noContact").</summary>
public sealed record LogAnswer(long? EntryNo, string? Reason);

/// <summary>
/// The first answer to a request sent with an Idempotency-Key: a retry with the same key gets it back and writes
/// nothing new. The key is the primary key, so of many requests with one key exactly one can write it; it is written
/// in the same transaction as the entry it answers for.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyLength = 200;
    public const int ScopeLength = 30;
    public const int RequestHashLength = 64;

    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(IdempotencyKey key, DateTimeOffset createdAt)
    {
        Key = key.Key;
        Scope = key.Scope;
        RequestHash = key.RequestHash;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; } = "";

    /// <summary>The endpoint the key was first used on.</summary>
    public string Scope { get; private set; } = "";

    /// <summary>The hash of the request the key was first sent with.</summary>
    public string RequestHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public long? EntryNo { get; private set; }
    public string? Reason { get; private set; }

    public void Answer(LogAnswer answer)
    {
        EntryNo = answer.EntryNo;
        Reason = answer.Reason;
    }

    /// <summary>The first answer, for a retry of the same request; a key reused with another request is refused (422).</summary>
    public LogAnswer AnswerFor(IdempotencyKey key) => AnswerFor(key, Scope, RequestHash, EntryNo, Reason);

    /// <summary>The same, from a record's columns read with other values in one query.</summary>
    public static LogAnswer AnswerFor(IdempotencyKey key, string scope, string requestHash, long? entryNo, string? reason) =>
        key.Scope == scope && key.RequestHash == requestHash
            ? new LogAnswer(entryNo, reason)
            : throw new DomainException(DomainErrorKind.IdempotencyKeyReused, Messages.Get("IdempotencyKeyReused", key.Key),
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [Messages.Get("IdempotencyKeyReused", key.Key)] });
}
