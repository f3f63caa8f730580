using System.Globalization;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Documents;

/// <summary>
/// Document events given as text (a CSV file, a command line) rather than JSON: the values read as the API reads them,
/// and why an event was not logged, in words for a person.
/// </summary>
public static class DocumentEventText
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    /// <summary>The API's names ("salesInvoice"), in any letter case; numbers and "none" are not document types.</summary>
    public static bool TryParseDocumentType(string text, out DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim();
        if (name.Length > 0 && char.IsLetter(name[0]) && Enum.TryParse(name, ignoreCase: true, out type) && type != DocumentType.None)
        {
            return true;
        }
        type = default;
        return false;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Rule 54 failed: the recipient's field, and that no contact was found for it.</summary>
    public static (string Field, string Message) NoContact(DocumentEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Codes.Normalize(e.ContactNo) is { } contact)
        {
            return ("contactNo", Messages.Get("ContactNotFound", contact));
        }
        return Codes.Normalize(e.CustomerNo) is { } customer
            ? ("customerNo", Messages.Get("DocumentNoContactForCustomer", customer))
            : ("vendorNo", Messages.Get("DocumentNoContactForVendor", Codes.Normalize(e.VendorNo)));
    }

    /// <summary>Why an event was not logged (<see cref="DocumentLoggedDto.Reason"/>), in words, with the field to blame.</summary>
    public static (string Field, string Message) Reason(DocumentEvent e, string reason)
    {
        ArgumentNullException.ThrowIfNull(e);
        return reason == DocumentLoggedDto.NoTemplate && e.DocumentType is { } type
            ? ("documentType", Messages.Get("DocumentNoTemplate", DocumentTypes.CampaignEntryDescription(type)))
            : NoContact(e);
    }
}
