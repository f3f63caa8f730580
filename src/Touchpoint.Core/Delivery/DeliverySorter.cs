using System.Security.Cryptography;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// BC table 5074 Delivery Sorter: an entry waiting to be delivered, written with the entry (in its transaction) when it
/// is logged with "Send" (rules 44, 47). BC empties it at once; here it is the delivery queue, so delivery survives a
/// restart and several instances share it: a row is claimed (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>),
/// sent, and then removed; a temporary failure leaves it for <see cref="NextAttemptAt"/>. Times are Unix milliseconds,
/// which both databases compare and order alike.
/// </summary>
public sealed class DeliverySorter
{
    public const int SubjectLength = 100;
    public const int ClaimedByLength = 100;
    public const int LastErrorLength = 500;

    private DeliverySorter()
    {
    }

    public DeliverySorter(long entryNo, CorrespondenceType correspondenceType, string? subject, bool sendWordDocsAsAttmt, string? languageCode, long now)
    {
        EntryNo = entryNo;
        CorrespondenceType = correspondenceType;
        Subject = subject;
        SendWordDocsAsAttmt = sendWordDocsAsAttmt;
        LanguageCode = languageCode;
        DeliveryId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        NextAttemptAt = now;
    }

    /// <summary>The interaction log entry's number (BC: No.).</summary>
    public long EntryNo { get; private set; }
    public CorrespondenceType CorrespondenceType { get; private set; }
    public string? Subject { get; private set; }
    public bool SendWordDocsAsAttmt { get; private set; }
    public string? LanguageCode { get; private set; }

    /// <summary>Random, made once per delivery: with the entry no. it makes the message's Message-ID, the same on every attempt.</summary>
    public string DeliveryId { get; private set; } = "";
    public int Attempts { get; private set; }
    public long NextAttemptAt { get; private set; }
    public long? ClaimedUntil { get; private set; }
    public string? ClaimedBy { get; private set; }
    public string? LastError { get; private set; }
}
