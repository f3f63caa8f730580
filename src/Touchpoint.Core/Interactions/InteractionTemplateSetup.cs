namespace Touchpoint.Core.Interactions;

/// <summary>
/// BC table 5122, one record: which template records each kind of document or system event. A blank field means
/// that kind is not recorded. The document type "coverSheet" is recorded with the template in <see cref="CoverSheets"/>.
/// </summary>
public sealed class InteractionTemplateSetup
{
    /// <summary>The single record's key, as BC's empty primary key.</summary>
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public string? SalesQuote { get; set; }
    public string? SalesBlanketOrder { get; set; }
    public string? SalesOrderConfirmation { get; set; }
    public string? SalesInvoice { get; set; }
    public string? SalesShipmentNote { get; set; }
    public string? SalesCreditMemo { get; set; }
    public string? SalesStatement { get; set; }
    public string? SalesReminder { get; set; }
    public string? ServiceOrderCreate { get; set; }
    public string? ServiceOrderPost { get; set; }
    public string? PurchaseQuote { get; set; }
    public string? PurchaseBlanketOrder { get; set; }
    public string? PurchaseOrder { get; set; }
    public string? PurchaseInvoice { get; set; }
    public string? PurchaseReceipt { get; set; }
    public string? PurchaseCreditMemo { get; set; }
    public string? SalesReturnOrder { get; set; }
    public string? SalesFinanceChargeMemo { get; set; }
    public string? SalesReturnReceipt { get; set; }
    public string? PurchaseReturnShipment { get; set; }
    public string? PurchaseReturnOrderConfirmation { get; set; }
    public string? ServiceContract { get; set; }
    public string? ServiceContractQuote { get; set; }
    public string? ServiceQuote { get; set; }
    public string? SalesDraftInvoice { get; set; }
    public string? Emails { get; set; }
    public string? CoverSheets { get; set; }
    public string? OutgoingCalls { get; set; }
    public string? MeetingInvitation { get; set; }
    public string? EmailDraft { get; set; }
}
