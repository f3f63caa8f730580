using System.Text.Json;
using System.Text.Json.Serialization;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

public enum SegmentCriteriaKind
{
    Add = 0,
    Reduce = 1,
    Refine = 2,
}

public sealed record SegmentCriteriaActionDto(int ActionNo, SegmentCriteriaKind Kind, JsonElement Filter, bool AllowExistingContacts, int NoOfLines);

/// <summary>
/// BC table 5096 Segment Criteria Line, one per action: what was asked (the filter as JSON) and what undoing it needs.
/// An add numbered its lines one step apart from <see cref="FirstLineNo"/> to <see cref="LastLineNo"/>; a reduce or
/// refine kept the lines it removed as <see cref="SegmentHistoryLine"/> rows (BC's Segment History).
/// </summary>
public sealed class SegmentCriteriaAction
{
    internal static readonly JsonSerializerOptions FilterJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private SegmentCriteriaAction()
    {
    }

    public string SegmentNo { get; private set; } = "";
    public int ActionNo { get; private set; }
    public SegmentCriteriaKind Kind { get; private set; }
    public string Filter { get; private set; } = "";
    public bool AllowExistingContacts { get; private set; }
    public int NoOfLines { get; private set; }
    public int? FirstLineNo { get; private set; }
    public int? LastLineNo { get; private set; }

    public static SegmentCriteriaAction Record(string segmentNo, int actionNo, SegmentCriteriaKind kind, ContactCriteria criteria,
        bool allowExistingContacts, int noOfLines, int? firstLineNo = null, int? lastLineNo = null) => new()
    {
        SegmentNo = segmentNo,
        ActionNo = actionNo,
        Kind = kind,
        Filter = JsonSerializer.Serialize(criteria, FilterJson),
        AllowExistingContacts = allowExistingContacts,
        NoOfLines = noOfLines,
        FirstLineNo = firstLineNo,
        LastLineNo = lastLineNo,
    };

    public SegmentCriteriaActionDto ToDto()
    {
        using var filter = JsonDocument.Parse(Filter);
        return new SegmentCriteriaActionDto(ActionNo, Kind, filter.RootElement.Clone(), AllowExistingContacts, NoOfLines);
    }
}

/// <summary>A segment line as a reduce or refine removed it, so undoing the action puts it back as it was.</summary>
public sealed class SegmentHistoryLine
{
    private SegmentHistoryLine()
    {
    }

    public string SegmentNo { get; private set; } = "";
    public int ActionNo { get; private set; }
    public int LineNo { get; private set; }
    public string ContactNo { get; private set; } = "";
    public string? ContactCompanyNo { get; private set; }
    public string? InteractionTemplateCode { get; private set; }
    public string? InteractionGroupCode { get; private set; }
    public string Description { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? LanguageCode { get; private set; }
    public CorrespondenceType CorrespondenceType { get; private set; }
    public decimal CostLcy { get; private set; }
    public decimal DurationMin { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly? TimeOfInteraction { get; private set; }
    public Evaluation Evaluation { get; private set; }
    public bool AttemptFailed { get; private set; }
    public string? CampaignNo { get; private set; }
    public bool CampaignTarget { get; private set; }
    public bool CampaignResponse { get; private set; }
    public string? SalespersonCode { get; private set; }
    public string? OpportunityNo { get; private set; }
    public InformationFlow InformationFlow { get; private set; }
    public InitiatedBy InitiatedBy { get; private set; }
    public long? AttachmentNo { get; private set; }
}
