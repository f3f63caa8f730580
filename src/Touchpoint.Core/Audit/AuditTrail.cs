using Touchpoint.Core.Common;

namespace Touchpoint.Core.Audit;

/// <summary>The actions the audit trail records (API values, camelCase).</summary>
public static class AuditActions
{
    public const string Delete = "delete";
    public const string Cancel = "cancel";
    public const string Uncancel = "uncancel";
    public const string DeleteCanceled = "deleteCanceled";
    public const string Change = "change";
    public const string Create = "create";
    public const string ResetPassword = "resetPassword";
    public const string ChangePassword = "changePassword";

    /// <summary>A client address reached the limit of failed sign-ins for one e-mail and must wait.</summary>
    public const string Lockout = "lockout";
}

/// <summary>The kinds of record the audit trail names (API resource names, singular).</summary>
public static class AuditEntities
{
    public const string Contact = "contact";
    public const string ContactNote = "contactNote";
    public const string Salesperson = "salesperson";
    public const string InteractionTemplate = "interactionTemplate";
    public const string InteractionTemplateSetup = "interactionTemplateSetup";
    public const string Segment = "segment";
    public const string InteractionLogEntry = "interactionLogEntry";
    public const string PostponedInteraction = "postponedInteraction";
    public const string CampaignEntry = "campaignEntry";
    public const string LoggedSegment = "loggedSegment";
    public const string User = "user";
}

/// <summary>
/// Writes the audit trail: every deletion (a contact's note too), cancel and un-cancel, delete of canceled entries, change of the interaction
/// template setup, user and role change, password reset or change, and sign-in lockout is attributable (who, when).
/// <see cref="Add"/> only adds the line to the caller's unit of work: it is saved by the caller's SaveChanges, in the
/// caller's transaction, with the change itself.
/// </summary>
public sealed class AuditTrail(ITouchpointDb db, TimeProvider clock)
{
    public void Add(string action, string entity, string key, string? details, string? userId) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), string.IsNullOrEmpty(userId) ? null : userId, action, entity, key, details));

    /// <summary>Adds the line and saves it (for use cases that change the database with set-based statements only).</summary>
    public async Task SaveAsync(string action, string entity, string key, string? details, string? userId, CancellationToken ct)
    {
        Add(action, entity, key, details, userId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"name=value" pairs of the values that are set, for the details of a filtered batch job.</summary>
    public static string? Describe(params (string Name, object? Value)[] values)
    {
        var set = values.Where(v => v.Value is not null && v.Value is not "")
            .Select(v => v.Name + "=" + (v.Value is DateOnly date
                ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return set.Count == 0 ? null : string.Join("; ", set);
    }
}
