using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Core.Common;

/// <summary>
/// Checks that codes named in input exist (BC's TableRelation), reporting each missing one at its field.
/// </summary>
public static class References
{
    public static async Task CheckAsync<T>(IQueryable<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match,
        string? code, string field, string what, FieldErrors errors, CancellationToken ct)
    {
        if (code is null || errors.Has(field))
        {
            return;
        }
        if (!await set.AnyAsync(match, ct))
        {
            errors.Add(field, $"{what} {code} does not exist.");
        }
    }

    public static Task SalespersonAsync(ITouchpointDb db, string? code, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Salespeople, s => s.Code == code, code, field, "Salesperson", errors, ct);

    public static Task CampaignAsync(ITouchpointDb db, string? no, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Campaigns, c => c.No == no, no, field, "Campaign", errors, ct);

    public static Task ContactAsync(ITouchpointDb db, string? no, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Contacts, c => c.No == no, no, field, "Contact", errors, ct);
}
