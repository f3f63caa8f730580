using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Touchpoint.Core.Common;
using Touchpoint.Web.Components.Shared;

namespace Touchpoint.Web.Components.Layout;

/// <summary>
/// The records a user opened last, newest first, kept in the user's browser (local storage, encrypted and signed by
/// the app's data protection, per user): opening a card is no change to the record, so the audit trail does not see
/// it, and a table of "opened" rows would write to the database on every look. The cost: another browser starts empty.
/// </summary>
public static partial class RecentRecordsStore
{
    public const int Kept = 8;

    private static readonly UserBrowserStorage Stored = new("tp-recent-", "Touchpoint.RecentRecords.");

    // The cards' addresses: /contacts/{no}, /opportunities/{no}, /segments/{no}, /campaigns/{no}; "new" is none.
    [GeneratedRegex("^/?(contacts|opportunities|segments|campaigns)/([^/?#]+)/?(?:[?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CardPath();

    /// <summary>The record whose card <paramref name="relativeUrl"/> (base-relative) opens, or null.</summary>
    public static RecordRef? FromUrl(string relativeUrl)
    {
        var match = CardPath().Match(relativeUrl);
        if (!match.Success)
        {
            return null;
        }
        var no = Uri.UnescapeDataString(match.Groups[2].Value);
        if (no.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var kind = match.Groups[1].Value.ToLowerInvariant() switch
        {
            "contacts" => RecordKind.Contact,
            "opportunities" => RecordKind.Opportunity,
            "segments" => RecordKind.Segment,
            _ => RecordKind.Campaign,
        };
        return new RecordRef(kind, Codes.Normalize(no) ?? no);
    }

    /// <summary>The card's address of a record.</summary>
    public static string Href(RecordKind kind, string no) => kind switch
    {
        RecordKind.Contact => "/contacts/",
        RecordKind.Opportunity => "/opportunities/",
        RecordKind.Segment => "/segments/",
        _ => "/campaigns/",
    } + Uri.EscapeDataString(no);

    public static async Task<IReadOnlyList<RecordRef>> ReadAsync(ProtectedLocalStorage storage, string user) =>
        await Stored.ReadAsync<RecordRef[]>(storage, user) ?? [];

    public static async Task AddAsync(ProtectedLocalStorage storage, string user, RecordRef record)
    {
        var list = await ReadAsync(storage, user);
        RecordRef[] updated = [record, .. list.Where(r => r != record).Take(Kept - 1)];
        await Stored.WriteAsync(storage, user, updated);
    }
}
