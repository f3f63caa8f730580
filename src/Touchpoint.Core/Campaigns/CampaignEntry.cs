using Touchpoint.Core.Common;

namespace Touchpoint.Core.Campaigns;

/// <summary>
/// BC table 5072 Campaign Entry: groups the interactions logged for a campaign at one time (a wizard finish, a
/// segment, a document). Canceling it cancels its interactions (rule 31); a canceled one blocks uncanceling them (30).
/// </summary>
public sealed class CampaignEntry
{
    private CampaignEntry()
    {
    }

    public CampaignEntry(string campaignNo, string description, DateOnly date, string userId, string? segmentNo,
        string? salespersonCode, long? registerNo, DocumentType documentType)
    {
        CampaignNo = campaignNo;
        Description = description.Length > 100 ? description[..100] : description;
        Date = date;
        UserId = userId;
        SegmentNo = segmentNo;
        SalespersonCode = salespersonCode;
        RegisterNo = registerNo;
        DocumentType = documentType;
    }

    public long EntryNo { get; private set; }
    public string CampaignNo { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string UserId { get; private set; } = "";
    public string? SegmentNo { get; private set; }

    /// <summary>A concurrency token: two users switching it at once cannot both flip its entries.</summary>
    public bool Canceled { get; private set; }
    public string? SalespersonCode { get; private set; }

    /// <summary>The logged segment it belongs to.</summary>
    public long? RegisterNo { get; private set; }
    public DocumentType DocumentType { get; private set; }

    public void SetCanceled(bool canceled) => Canceled = canceled;
}
