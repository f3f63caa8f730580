using System.Linq.Expressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

/// <summary>BC's Opportunity Status: Not Started until a stage is reached, In Progress, then Won or Lost (closed).</summary>
public enum OpportunityStatus
{
    NotStarted = 0,
    InProgress = 1,
    Won = 2,
    Lost = 3,
}

public sealed record OpportunityFields
{
    public Optional<string?> Description { get; init; }
    public Optional<string?> ContactNo { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<string?> CampaignNo { get; init; }
    public Optional<string?> SegmentNo { get; init; }
    public Optional<bool?> Closed { get; init; }
    public Optional<OpportunityStatus?> Status { get; init; }
    public Optional<int?> SalesCycleStage { get; init; }
    public Optional<decimal?> EstimatedValueLcy { get; init; }
    public Optional<int?> ChancesOfSuccessPct { get; init; }
    public Optional<DateOnly?> EstimatedClosingDate { get; init; }
}

public sealed record OpportunityDto(string No, string Description, string ContactNo, string? ContactCompanyNo,
    string? SalespersonCode, string? CampaignNo, string? SegmentNo, bool Closed, DateOnly CreationDate,
    OpportunityStatus Status, int SalesCycleStage, decimal EstimatedValueLcy, int ChancesOfSuccessPct,
    DateOnly? EstimatedClosingDate, DateOnly? DateClosed)
{
    /// <summary>BC's Calcd. Current Value (LCY): the estimated value weighed by the chances of success.</summary>
    public decimal CalcdCurrentValueLcy => decimal.Round(EstimatedValueLcy * ChancesOfSuccessPct / 100m, 2);

    public static readonly Expression<Func<Opportunity, OpportunityDto>> Projection =
        o => new OpportunityDto(o.No, o.Description, o.ContactNo, o.ContactCompanyNo, o.SalespersonCode,
            o.CampaignNo, o.SegmentNo, o.Closed, o.CreationDate, o.Status, o.SalesCycleStage, o.EstimatedValueLcy,
            o.ChancesOfSuccessPct, o.EstimatedClosingDate, o.DateClosed);
}

/// <summary>
/// BC table 5092 Opportunity: a possible sale with a contact. Contact Company No. follows the contact, as in BC.
/// The pipeline fields (rule 68): the stage of the sales cycle, the status, the estimated value and chances of
/// success, the estimated closing date; every change of them is kept as an opportunity entry (BC table 5093).
/// </summary>
public sealed class Opportunity
{
    public const int NoLength = 20;
    public const int DescriptionLength = 100;

    private Opportunity()
    {
    }

    public string No { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string ContactNo { get; private set; } = "";
    public string? ContactCompanyNo { get; private set; }
    public string? SalespersonCode { get; private set; }
    public string? CampaignNo { get; private set; }
    public string? SegmentNo { get; private set; }
    public bool Closed { get; private set; }
    public DateOnly CreationDate { get; private set; }
    public OpportunityStatus Status { get; private set; }
    public int SalesCycleStage { get; private set; }
    public decimal EstimatedValueLcy { get; private set; }
    public int ChancesOfSuccessPct { get; private set; }
    public DateOnly? EstimatedClosingDate { get; private set; }
    public DateOnly? DateClosed { get; private set; }

    public static Opportunity Create(string no, DateOnly today, OpportunityFields fields, FieldErrors errors)
    {
        var opportunity = new Opportunity { No = no, CreationDate = today };
        if (!fields.ContactNo.IsSet)
        {
            errors.Required("contactNo", null);
        }
        opportunity.Apply(fields, errors, today);
        return opportunity;
    }

    public void AssignNo(string no) => No = no;

    /// <summary>The pipeline as it stands, to compare before and after a change (rule 68).</summary>
    public OpportunityEntryValues Pipeline => new(SalesCycleStage, Status, EstimatedValueLcy, ChancesOfSuccessPct, EstimatedClosingDate);

    public void Apply(OpportunityFields fields, FieldErrors errors, DateOnly today)
    {
        if (fields.Description.IsSet)
        {
            Description = errors.MaxLength("description", fields.Description.Value?.Trim(), DescriptionLength) ?? "";
        }
        if (fields.ContactNo.IsSet)
        {
            ContactNo = errors.MaxLength("contactNo", errors.Required("contactNo", Codes.Normalize(fields.ContactNo.Value)), 20) ?? "";
        }
        SalespersonCode = Code(fields.SalespersonCode, SalespersonCode, "salespersonCode", errors);
        CampaignNo = Code(fields.CampaignNo, CampaignNo, "campaignNo", errors);
        SegmentNo = Code(fields.SegmentNo, SegmentNo, "segmentNo", errors);
        ApplyPipeline(fields, errors, today);
    }

    /// <summary>
    /// Rule 68. A stage sets the chances of success of that stage unless chances are sent too; reaching a stage starts
    /// an opportunity that had not started. Won and Lost close it with the date; another status reopens it. "closed"
    /// alone (the API before statuses) closes as Lost, unless it was already Won, and reopens as In Progress.
    /// </summary>
    private void ApplyPipeline(OpportunityFields fields, FieldErrors errors, DateOnly today)
    {
        if (fields.SalesCycleStage.IsSet)
        {
            var stage = fields.SalesCycleStage.Value ?? 0;
            if (stage < 0 || stage > SalesCycle.Stages.Count)
            {
                errors.Add("salesCycleStage", Messages.Get("SalesCycleStageOutOfRange", SalesCycle.Stages.Count));
            }
            else
            {
                SalesCycleStage = stage;
                if (!fields.ChancesOfSuccessPct.IsSet)
                {
                    ChancesOfSuccessPct = SalesCycle.ChancesOf(stage);
                }
                if (stage > 0 && Status == OpportunityStatus.NotStarted && !fields.Status.IsSet)
                {
                    Status = OpportunityStatus.InProgress;
                }
            }
        }
        if (fields.ChancesOfSuccessPct.IsSet)
        {
            var chances = fields.ChancesOfSuccessPct.Value ?? 0;
            if (chances is < 0 or > 100)
            {
                errors.Add("chancesOfSuccessPct", Messages.Get("PercentOutOfRange", Messages.Field("chancesOfSuccessPct")));
            }
            else
            {
                ChancesOfSuccessPct = chances;
            }
        }
        EstimatedValueLcy = Amounts.Read(fields.EstimatedValueLcy, EstimatedValueLcy, "estimatedValueLcy", errors);
        if (fields.EstimatedClosingDate.IsSet)
        {
            EstimatedClosingDate = fields.EstimatedClosingDate.Value;
        }
        var status = fields.Status.IsSet ? fields.Status.Value ?? OpportunityStatus.NotStarted
            : fields.Closed.IsSet ? (fields.Closed.Value ?? false) ? (Status == OpportunityStatus.Won ? Status : OpportunityStatus.Lost)
                : Closed ? OpportunityStatus.InProgress : Status
            : Status;
        if (fields.Status.IsSet && fields.Closed.IsSet && (fields.Closed.Value ?? false) != (status is OpportunityStatus.Won or OpportunityStatus.Lost))
        {
            errors.Add("closed", Messages.Get("OpportunityClosedContradictsStatus"));
            return;
        }
        SetStatus(status, today);
    }

    private void SetStatus(OpportunityStatus status, DateOnly today)
    {
        var closed = status is OpportunityStatus.Won or OpportunityStatus.Lost;
        if (closed && !Closed)
        {
            DateClosed = today;
        }
        else if (!closed)
        {
            DateClosed = null;
        }
        Status = status;
        Closed = closed;
        if (status == OpportunityStatus.Won)
        {
            // Won is certain, as BC's Close Opportunity sets it; Lost keeps the last estimate to show what was lost.
            ChancesOfSuccessPct = 100;
        }
    }

    /// <summary>The contact was looked up by the use case; its company comes with it.</summary>
    public void SetContactCompany(string? companyNo) => ContactCompanyNo = companyNo;

    public OpportunityDto ToDto() => new(No, Description, ContactNo, ContactCompanyNo, SalespersonCode, CampaignNo,
        SegmentNo, Closed, CreationDate, Status, SalesCycleStage, EstimatedValueLcy, ChancesOfSuccessPct,
        EstimatedClosingDate, DateClosed);

    private static string? Code(Optional<string?> value, string? current, string field, FieldErrors errors) =>
        value.IsSet ? errors.MaxLength(field, Codes.Normalize(value.Value), 20) : current;
}
