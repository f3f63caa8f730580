using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Documents;

/// <summary>
/// Rule 52: which field of the interaction template setup names the template a document type is logged with. Every
/// one of the 26 document types has one; "coverSheet" shares "Cover Sheets" with the cover sheets printed from a contact.
/// </summary>
public static class DocumentTypes
{
    private static readonly Dictionary<DocumentType, string> SetupKeys = new()
    {
        [DocumentType.SalesQuote] = "salesQuote",
        [DocumentType.SalesBlanketOrder] = "salesBlanketOrder",
        [DocumentType.SalesOrderConfirmation] = "salesOrderConfirmation",
        [DocumentType.SalesInvoice] = "salesInvoice",
        [DocumentType.SalesShipmentNote] = "salesShipmentNote",
        [DocumentType.SalesCreditMemo] = "salesCreditMemo",
        [DocumentType.SalesStatement] = "salesStatement",
        [DocumentType.SalesReminder] = "salesReminder",
        [DocumentType.ServiceOrderCreate] = "serviceOrderCreate",
        [DocumentType.ServiceOrderPost] = "serviceOrderPost",
        [DocumentType.PurchaseQuote] = "purchaseQuote",
        [DocumentType.PurchaseBlanketOrder] = "purchaseBlanketOrder",
        [DocumentType.PurchaseOrder] = "purchaseOrder",
        [DocumentType.PurchaseInvoice] = "purchaseInvoice",
        [DocumentType.PurchaseReceipt] = "purchaseReceipt",
        [DocumentType.PurchaseCreditMemo] = "purchaseCreditMemo",
        [DocumentType.CoverSheet] = "coverSheets",
        [DocumentType.SalesReturnOrder] = "salesReturnOrder",
        [DocumentType.SalesFinanceChargeMemo] = "salesFinanceChargeMemo",
        [DocumentType.SalesReturnReceipt] = "salesReturnReceipt",
        [DocumentType.PurchaseReturnShipment] = "purchaseReturnShipment",
        [DocumentType.PurchaseReturnOrderConfirmation] = "purchaseReturnOrderConfirmation",
        [DocumentType.ServiceContract] = "serviceContract",
        [DocumentType.ServiceContractQuote] = "serviceContractQuote",
        [DocumentType.ServiceQuote] = "serviceQuote",
        [DocumentType.SalesDraftInvoice] = "salesDraftInvoice",
    };

    /// <summary>Every document type that can be logged (all but None).</summary>
    public static IReadOnlyCollection<DocumentType> All => SetupKeys.Keys;

    public static InteractionTemplateSetupFields.Field SetupField(DocumentType type) =>
        InteractionTemplateSetupFields.Find(SetupKeys[type]) ?? throw new InvalidOperationException($"No setup field for {type}.");

    /// <summary>The template the setup names for the document type, null when it names none (rule 51).</summary>
    public static string? TemplateCode(InteractionTemplateSetup setup, DocumentType type) =>
        (string?)SetupField(type).Property.GetValue(setup);

    /// <summary>Rule 47: a campaign entry of a document is described by the setup field's caption, e.g. "Sales Invoices".</summary>
    public static string CampaignEntryDescription(DocumentType type) => Messages.Get("DocumentCampaignEntry_" + type);
}
