using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Web.Components.InteractionLog;

/// <summary>
/// What the quick dialog and Make Phone Call ask on one screen, with the wizard's defaults (rules 8, 10, 13–14): the
/// description, when, how long and at what cost, the outcome, who, the campaign and opportunity, and a comment.
/// </summary>
public sealed class QuickInteractionForm
{
    public string? Description { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public decimal DurationMin { get; set; }
    public decimal CostLcy { get; set; }
    public Evaluation Evaluation { get; set; }
    public bool AttemptFailed { get; set; }
    public string? SalespersonCode { get; set; }
    public string? CampaignNo { get; set; }
    public string? CampaignDescription { get; set; }
    public string? OpportunityNo { get; set; }
    public string? OpportunityDescription { get; set; }
    public string? Comments { get; set; }

    public DateOnly? DateValue => Date is { } d ? DateOnly.FromDateTime(d) : null;

    public TimeOnly? TimeValue => Time is { } t ? TimeOnly.FromTimeSpan(t) : null;

    /// <summary>Rule 19's fields that the dialog cannot finish without (the template is the dialog's own).</summary>
    public bool Complete => !string.IsNullOrWhiteSpace(Description) && !string.IsNullOrWhiteSpace(SalespersonCode) && Date is not null && Time is not null;

    /// <summary>One comment line per line typed (rule 21), blank lines left out.</summary>
    public List<string> CommentLines() =>
        (Comments ?? "").Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

    public bool CommentTooLong => CommentLines().Any(c => c.Length > InteractionLogEntryComment.CommentLength);

    /// <summary>Rules 8 and 10: the date, the time and the salesperson the wizard starts with.</summary>
    public void Start(InteractionStartDto start)
    {
        Date = start.Date.ToDateTime(TimeOnly.MinValue);
        Time = start.TimeOfInteraction.ToTimeSpan();
        SalespersonCode = start.SalespersonCode;
    }

    /// <summary>Rules 13–14: the template's description (when blank or another template replaces one), duration, cost and campaign.</summary>
    public void Take(TemplateDefaults template, bool switching)
    {
        Description = InteractionDefaults.Description(Description, switching, template.Description);
        DurationMin = template.DurationMin;
        CostLcy = template.CostLcy;
        if (template.CampaignNo is { } campaign)
        {
            CampaignNo = campaign;
            CampaignDescription = null;
        }
    }
}
