using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Core.Common;

/// <summary>
/// Checks that codes named in input exist (BC's TableRelation), reporting each missing one at its field.
/// </summary>
public static class References
{
    /// <param name="notFound">The message for a missing code, made only when it is missing.</param>
    public static async Task CheckAsync<T>(IQueryable<T> set, Expression<Func<T, bool>> match,
        string? code, string field, Func<string, string> notFound, FieldErrors errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notFound);
        ArgumentNullException.ThrowIfNull(errors);
        if (code is null || errors.Has(field))
        {
            return;
        }
        if (!await set.AnyAsync(match, ct))
        {
            errors.Add(field, notFound(code));
        }
    }

    public static Task SalespersonAsync(ITouchpointDb db, string? code, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Salespeople, s => s.Code == code, code, field, c => Messages.Get("SalespersonNotFound", c), errors, ct);

    public static Task CampaignAsync(ITouchpointDb db, string? no, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Campaigns, c => c.No == no, no, field, n => Messages.Get("CampaignNotFound", n), errors, ct);

    public static Task ContactAsync(ITouchpointDb db, string? no, string field, FieldErrors errors, CancellationToken ct) =>
        CheckAsync(db.Contacts, c => c.No == no, no, field, n => Messages.Get("ContactNotFound", n), errors, ct);
}
