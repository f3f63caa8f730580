using System.Linq.Expressions;

namespace Touchpoint.Core.Opportunities;

/// <summary>The pipeline values an opportunity entry records.</summary>
public sealed record OpportunityEntryValues(int SalesCycleStage, OpportunityStatus Status, decimal EstimatedValueLcy,
    int ChancesOfSuccessPct, DateOnly? EstimatedClosingDate);

public sealed record OpportunityEntryDto(long EntryNo, string OpportunityNo, DateOnly DateOfChange, int SalesCycleStage,
    OpportunityStatus Status, decimal EstimatedValueLcy, int ChancesOfSuccessPct, DateOnly? EstimatedClosingDate,
    string? UserId, bool Active)
{
    public static readonly Expression<Func<OpportunityEntry, OpportunityEntryDto>> Projection =
        e => new OpportunityEntryDto(e.EntryNo, e.OpportunityNo, e.DateOfChange, e.SalesCycleStage, e.Status,
            e.EstimatedValueLcy, e.ChancesOfSuccessPct, e.EstimatedClosingDate, e.UserId, e.Active);
}

/// <summary>
/// BC table 5093 Opportunity Entry: one line per change of an opportunity's stage, status, value, chances or closing
/// date, so that its card shows how it went (rule 68). The newest is the active one.
/// </summary>
public sealed class OpportunityEntry
{
    private OpportunityEntry()
    {
    }

    public long EntryNo { get; private set; }
    public string OpportunityNo { get; private set; } = "";
    public DateOnly DateOfChange { get; private set; }
    public int SalesCycleStage { get; private set; }
    public OpportunityStatus Status { get; private set; }
    public decimal EstimatedValueLcy { get; private set; }
    public int ChancesOfSuccessPct { get; private set; }
    public DateOnly? EstimatedClosingDate { get; private set; }
    public string? UserId { get; private set; }
    public bool Active { get; private set; }

    public static OpportunityEntry Record(string opportunityNo, DateOnly date, OpportunityEntryValues values, string? userId) => new()
    {
        OpportunityNo = opportunityNo,
        DateOfChange = date,
        SalesCycleStage = values.SalesCycleStage,
        Status = values.Status,
        EstimatedValueLcy = values.EstimatedValueLcy,
        ChancesOfSuccessPct = values.ChancesOfSuccessPct,
        EstimatedClosingDate = values.EstimatedClosingDate,
        UserId = userId,
        Active = true,
    };

    public void Deactivate() => Active = false;
}
