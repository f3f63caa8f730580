using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Interactions;

/// <summary>What an interaction takes from its template and contact (rules 12–15), before anyone changes it.</summary>
public sealed record TemplateDefaults(
    string Description,
    CorrespondenceType CorrespondenceType,
    string? LanguageCode,
    decimal CostLcy,
    decimal DurationMin,
    string? CampaignNo,
    bool CampaignTarget,
    bool CampaignResponse);

/// <summary>
/// The defaults of the Create Interaction wizard, one place per rule: the wizard page shows them
/// (<see cref="StartCreateInteraction"/>) and <see cref="CreateInteraction"/> fills in with them what a caller of
/// POST /interactions left out, so that the page and the API agree.
/// </summary>
public static class InteractionDefaults
{
    /// <summary>Rule 10: today, and now plus a second rounded up to the whole minute.</summary>
    public static (DateOnly Date, TimeOnly Time) When(TimeProvider clock)
    {
        var now = clock.GetLocalNow().DateTime;
        return (DateOnly.FromDateTime(now), RoundUpToMinute(TimeOnly.FromDateTime(now).Add(TimeSpan.FromSeconds(1))));
    }

    /// <summary>
    /// Rules 8 and 12: the salesperson whose e-mail is the user's when exactly one has it, else the user's own
    /// salesperson, else the contact's.
    /// </summary>
    public static async Task<string?> SalespersonCodeAsync(ITouchpointDb db, UserSetup? user, string? contactSalespersonCode, CancellationToken ct)
    {
        if (user?.Email is { Length: > 0 } email)
        {
            var upper = email.Trim().ToUpperInvariant();
            var matches = await db.Salespeople.AsNoTracking().Where(s => s.Email != null && s.Email.ToUpper() == upper)
                .Select(s => s.Code).Take(2).ToListAsync(ct);
            if (matches.Count == 1)
            {
                return matches[0];
            }
        }
        return Codes.Normalize(user?.SalespersonCode) ?? contactSalespersonCode;
    }

    /// <summary>Rules 12–15 for a template and a contact (none yet: the template's values alone).</summary>
    public static TemplateDefaults ForTemplate(InteractionTemplate template, Contact? contact, IEnumerable<string> templateLanguageCodes) => new(
        Description(null, switchingTemplates: false, template.Description),
        CorrespondenceTypeFor(template, contact?.CorrespondenceType ?? Common.CorrespondenceType.None),
        LanguageCode(contact?.LanguageCode, template.LanguageCodeDefault, templateLanguageCodes),
        // Rule 13: the template's cost, duration, campaign and campaign flags.
        template.UnitCostLcy,
        template.UnitDurationMin,
        template.CampaignNo,
        template.CampaignTarget,
        template.CampaignResponse);

    /// <summary>Rule 12: the contact's language when the template has it, else the template's default.</summary>
    public static string? LanguageCode(string? contactLanguageCode, string? templateDefault, IEnumerable<string> templateLanguageCodes) =>
        contactLanguageCode is not null && templateLanguageCodes.Contains(contactLanguageCode) ? contactLanguageCode : templateDefault;

    /// <summary>
    /// Rule 15: the template's type when it ignores the contact's or the contact has none, else the contact's. The
    /// wizard preselects it; the user may change it.
    /// </summary>
    public static CorrespondenceType CorrespondenceTypeFor(InteractionTemplate template, CorrespondenceType contactType) =>
        template.IgnoreContactCorresType || contactType == Common.CorrespondenceType.None ? template.CorrespondenceTypeDefault : contactType;

    /// <summary>Rule 14: the template's description when the description is blank, or when one template replaces another.</summary>
    public static string Description(string? current, bool switchingTemplates, string templateDescription) =>
        string.IsNullOrWhiteSpace(current) || switchingTemplates ? templateDescription : current.Trim();

    private static TimeOnly RoundUpToMinute(TimeOnly time) =>
        time.Second == 0 && time.Millisecond == 0 && time.Microsecond == 0
            ? time
            : new TimeOnly(time.Hour, time.Minute).AddMinutes(1);
}
