using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// A logged segment with BC's FlowFields and, over the same entries, how their delivery stands: delivered, still in
/// progress, failed, and how many are hard-copy letters to print.
/// </summary>
public sealed record LoggedSegmentDto(long EntryNo, string SegmentNo, string Description, DateOnly CreationDate, string UserId,
    bool Canceled, int NoOfInteractions, int NoOfCampaignEntries, int NoOfDelivered, int NoOfInProgress, int NoOfDeliveryErrors,
    int NoOfHardCopies);

/// <summary>
/// BC table 5075 Logged Segment: the record that a segment was logged, one per log. Its interactions and campaign
/// entries point to it (Logged Segment Entry No., Register No.) and are canceled and un-canceled with it (rule 31).
/// </summary>
public sealed class LoggedSegment
{
    public const int DescriptionLength = 100;

    private LoggedSegment()
    {
    }

    public LoggedSegment(string segmentNo, string description, DateOnly creationDate, string userId)
    {
        SegmentNo = segmentNo;
        Description = description;
        CreationDate = creationDate;
        UserId = userId;
    }

    public long EntryNo { get; private set; }
    public string SegmentNo { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly CreationDate { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>A concurrency token: two users switching it at once cannot both flip its entries.</summary>
    public bool Canceled { get; private set; }

    public void SetCanceled(bool canceled) => Canceled = canceled;
}
