namespace Touchpoint.Core.Contacts;

/// <summary>BC "Contact Business Relation" Link to Table: what the contact is in the ERP.</summary>
public enum LinkToTable
{
    Customer = 1,
    Vendor = 2,
}

/// <summary>
/// BC table 5054: links a contact to a customer or vendor no. of the ERP. Automatic recording finds the contact of a
/// printed document through it, so one customer or vendor no. belongs to one contact only.
/// </summary>
public sealed class ContactBusinessRelation
{
    public const int LinkNoLength = 20;

    private ContactBusinessRelation()
    {
    }

    public ContactBusinessRelation(string contactNo, LinkToTable linkToTable, string linkNo)
    {
        ContactNo = contactNo;
        LinkToTable = linkToTable;
        LinkNo = linkNo;
    }

    public string ContactNo { get; private set; } = "";
    public LinkToTable LinkToTable { get; private set; }
    public string LinkNo { get; private set; } = "";
}

public sealed record BusinessRelationDto(LinkToTable LinkToTable, string LinkNo);
