using System.Linq.Expressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Campaigns;

public sealed record CampaignFields
{
    public Optional<string?> Description { get; init; }
    public Optional<DateOnly?> StartingDate { get; init; }
    public Optional<DateOnly?> EndingDate { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<bool?> Activated { get; init; }
}

public sealed record CampaignDto(string No, string Description, DateOnly? StartingDate, DateOnly? EndingDate,
    string? SalespersonCode, bool Activated)
{
    public static readonly Expression<Func<Campaign, CampaignDto>> Projection =
        c => new CampaignDto(c.No, c.Description, c.StartingDate, c.EndingDate, c.SalespersonCode, c.Activated);
}

/// <summary>BC table 5071 Campaign: a period of marketing work that interactions and segments can belong to.</summary>
public sealed class Campaign
{
    public const int NoLength = 20;
    public const int DescriptionLength = 100;

    private Campaign()
    {
    }

    public string No { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly? StartingDate { get; private set; }
    public DateOnly? EndingDate { get; private set; }
    public string? SalespersonCode { get; private set; }
    public bool Activated { get; private set; }

    public static Campaign Create(string no, CampaignFields fields, FieldErrors errors)
    {
        var campaign = new Campaign { No = no };
        campaign.Apply(fields, errors);
        return campaign;
    }

    public void AssignNo(string no) => No = no;

    public void Apply(CampaignFields fields, FieldErrors errors)
    {
        if (fields.Description.IsSet)
        {
            Description = errors.MaxLength("description", fields.Description.Value?.Trim(), DescriptionLength) ?? "";
        }
        StartingDate = fields.StartingDate.Or(StartingDate);
        EndingDate = fields.EndingDate.Or(EndingDate);
        if (StartingDate is { } start && EndingDate is { } end && end < start)
        {
            errors.Add(fields.EndingDate.IsSet ? "endingDate" : "startingDate", Messages.Get("EndingBeforeStarting"));
        }
        if (fields.SalespersonCode.IsSet)
        {
            SalespersonCode = errors.MaxLength("salespersonCode", Codes.Normalize(fields.SalespersonCode.Value), 20);
        }
        if (fields.Activated.IsSet)
        {
            Activated = fields.Activated.Value ?? false;
        }
    }

    public CampaignDto ToDto() => new(No, Description, StartingDate, EndingDate, SalespersonCode, Activated);
}
