using System.Reflection;

namespace Touchpoint.Core.Interactions;

/// <summary>The FastTabs of BC page 5186, in its order.</summary>
public enum SetupSection
{
    General,
    Sales,
    Purchases,
    Service,
}

/// <summary>
/// The keys of the interaction template setup as the API names them (the 26 document types plus emails,
/// coverSheets, outgoingCalls, meetingInvitation, emailDraft), mapped to the record's fields. The document type
/// "coverSheet" has no field of its own in BC: it is recorded with "Cover Sheets", so both keys name one field.
/// </summary>
public static class InteractionTemplateSetupFields
{
    public const string CoverSheetAlias = "coverSheet";

    /// <summary>Meeting invitations carry their invitation as an attachment, so BC lets their template have languages.</summary>
    public const string MeetingInvitation = "meetingInvitation";

    public sealed record Field(string Key, SetupSection Section, PropertyInfo Property);

    private static readonly (string Key, SetupSection Section)[] Order =
    [
        ("emails", SetupSection.General), ("coverSheets", SetupSection.General), ("outgoingCalls", SetupSection.General),
        ("meetingInvitation", SetupSection.General), ("emailDraft", SetupSection.General),
        ("salesInvoice", SetupSection.Sales), ("salesCreditMemo", SetupSection.Sales), ("salesOrderConfirmation", SetupSection.Sales),
        ("salesDraftInvoice", SetupSection.Sales), ("salesQuote", SetupSection.Sales), ("salesBlanketOrder", SetupSection.Sales),
        ("salesShipmentNote", SetupSection.Sales), ("salesStatement", SetupSection.Sales), ("salesReminder", SetupSection.Sales),
        ("salesReturnOrder", SetupSection.Sales), ("salesReturnReceipt", SetupSection.Sales), ("salesFinanceChargeMemo", SetupSection.Sales),
        ("purchaseInvoice", SetupSection.Purchases), ("purchaseCreditMemo", SetupSection.Purchases), ("purchaseOrder", SetupSection.Purchases),
        ("purchaseQuote", SetupSection.Purchases), ("purchaseBlanketOrder", SetupSection.Purchases), ("purchaseReceipt", SetupSection.Purchases),
        ("purchaseReturnShipment", SetupSection.Purchases), ("purchaseReturnOrderConfirmation", SetupSection.Purchases),
        ("serviceOrderCreate", SetupSection.Service), ("serviceOrderPost", SetupSection.Service), ("serviceContract", SetupSection.Service),
        ("serviceContractQuote", SetupSection.Service), ("serviceQuote", SetupSection.Service),
    ];

    /// <summary>The fields, one per BC field (without the alias), in the page's order.</summary>
    public static IReadOnlyList<Field> All { get; } = Order
        .Select(o => new Field(o.Key, o.Section, typeof(InteractionTemplateSetup).GetProperty(char.ToUpperInvariant(o.Key[0]) + o.Key[1..])!))
        .ToList();

    /// <summary>Every key the API accepts, the alias included.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(f => f.Key), CoverSheetAlias];

    public static Field? Find(string key) =>
        All.FirstOrDefault(f => f.Key == (key == CoverSheetAlias ? "coverSheets" : key));

    public static Dictionary<string, string?> ToDictionary(InteractionTemplateSetup setup)
    {
        var values = All.ToDictionary(f => f.Key, f => (string?)f.Property.GetValue(setup), StringComparer.Ordinal);
        values[CoverSheetAlias] = values["coverSheets"];
        return values;
    }

    public static IReadOnlyList<string> Uses(InteractionTemplateSetup setup, string templateCode) =>
        All.Where(f => (string?)f.Property.GetValue(setup) == templateCode).Select(f => f.Key).ToList();
}
