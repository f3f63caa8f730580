using System.Linq.Expressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

public sealed record OpportunityFields
{
    public Optional<string?> Description { get; init; }
    public Optional<string?> ContactNo { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<string?> CampaignNo { get; init; }
    public Optional<string?> SegmentNo { get; init; }
    public Optional<bool?> Closed { get; init; }
}

public sealed record OpportunityDto(string No, string Description, string ContactNo, string? ContactCompanyNo,
    string? SalespersonCode, string? CampaignNo, string? SegmentNo, bool Closed, DateOnly CreationDate, DateOnly? DateClosed)
{
    public static readonly Expression<Func<Opportunity, OpportunityDto>> Projection =
        o => new OpportunityDto(o.No, o.Description, o.ContactNo, o.ContactCompanyNo, o.SalespersonCode,
            o.CampaignNo, o.SegmentNo, o.Closed, o.CreationDate, o.DateClosed);
}

/// <summary>
/// BC table 5092 Opportunity: a possible sale with a contact. Contact Company No. follows the contact, as in BC.
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

    /// <summary>BC's Date Closed: set when the opportunity is closed, cleared when it is opened again (the contact's timeline shows it).</summary>
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
        if (fields.Closed.IsSet)
        {
            var closed = fields.Closed.Value ?? false;
            if (closed != Closed)
            {
                DateClosed = closed ? today : null;
            }
            Closed = closed;
        }
    }

    /// <summary>The contact was looked up by the use case; its company comes with it.</summary>
    public void SetContactCompany(string? companyNo) => ContactCompanyNo = companyNo;

    public OpportunityDto ToDto() => new(No, Description, ContactNo, ContactCompanyNo, SalespersonCode, CampaignNo,
        SegmentNo, Closed, CreationDate, DateClosed);

    private static string? Code(Optional<string?> value, string? current, string field, FieldErrors errors) =>
        value.IsSet ? errors.MaxLength(field, Codes.Normalize(value.Value), 20) : current;
}
