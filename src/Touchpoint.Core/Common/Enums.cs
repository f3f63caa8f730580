namespace Touchpoint.Core.Common;

/// <summary>BC enum 5076 "Correspondence Type" (Fax is obsolete and left out).</summary>
public enum CorrespondenceType
{
    None = 0,
    HardCopy = 1,
    Email = 2,
}

/// <summary>BC option "Information Flow".</summary>
public enum InformationFlow
{
    None = 0,
    Outbound = 1,
    Inbound = 2,
}

/// <summary>BC option "Initiated By".</summary>
public enum InitiatedBy
{
    None = 0,
    Us = 1,
    Them = 2,
}

/// <summary>BC enum 5082 "Interaction Template Wizard Action".</summary>
public enum WizardAction
{
    None = 0,
    Open = 1,
    Import = 2,
    Merge = 3,
}

/// <summary>BC enum 5078 "Interaction Evaluation".</summary>
public enum Evaluation
{
    None = 0,
    VeryPositive = 1,
    Positive = 2,
    Neutral = 3,
    Negative = 4,
    VeryNegative = 5,
}

/// <summary>BC enum 5083 "Interaction Delivery Status".</summary>
public enum DeliveryStatus
{
    None = 0,
    InProgress = 1,
    Error = 2,
}

/// <summary>BC enum 5099 "Interaction Log Entry Document Type", numbered as in BC.</summary>
public enum DocumentType
{
    None = 0,
    SalesQuote = 1,
    SalesBlanketOrder = 2,
    SalesOrderConfirmation = 3,
    SalesInvoice = 4,
    SalesShipmentNote = 5,
    SalesCreditMemo = 6,
    SalesStatement = 7,
    SalesReminder = 8,
    ServiceOrderCreate = 9,
    ServiceOrderPost = 10,
    PurchaseQuote = 11,
    PurchaseBlanketOrder = 12,
    PurchaseOrder = 13,
    PurchaseInvoice = 14,
    PurchaseReceipt = 15,
    PurchaseCreditMemo = 16,
    CoverSheet = 17,
    SalesReturnOrder = 18,
    SalesFinanceChargeMemo = 19,
    SalesReturnReceipt = 20,
    PurchaseReturnShipment = 21,
    PurchaseReturnOrderConfirmation = 22,
    ServiceContract = 23,
    ServiceContractQuote = 24,
    ServiceQuote = 25,
    SalesDraftInvoice = 26,
}
