using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Interactions;

/// <summary>What the Create Interaction wizard shows before the user changes anything.</summary>
/// <param name="Template">The template's defaults (rules 12–15); none until a template is chosen.</param>
public sealed record InteractionStartDto(
    string? ContactNo,
    string? ContactName,
    string? ContactCompanyNo,
    string? SalespersonCode,
    DateOnly Date,
    TimeOnly TimeOfInteraction,
    TemplateDefaults? Template);

/// <summary>
/// Starting the Create Interaction wizard (rules 8 and 10), and choosing its contact or template (rules 12–15): the
/// defaults for a contact, a template and the signed-in user, from <see cref="InteractionDefaults"/>.
/// </summary>
public sealed class StartCreateInteraction(ITouchpointDb db, IUserSetup users, TimeProvider clock)
{
    public async Task<InteractionStartDto> HandleAsync(string? contactNo, string? templateCode, string? userId, CancellationToken ct = default)
    {
        Contact? contact = null;
        if (Codes.Normalize(contactNo) is { } no)
        {
            contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == no, ct)
                ?? throw DomainException.Invalid("contactNo", Messages.Get("ContactNotFound", no));
            // Rule 8: a privacy-blocked contact is refused before the wizard starts.
            if (contact.PrivacyBlocked)
            {
                throw DomainException.Invalid("contactNo", Messages.Get("ContactPrivacyBlockedNoInteractions", contact.No));
            }
        }
        TemplateDefaults? template = null;
        if (Codes.Normalize(templateCode) is { } code)
        {
            var found = await db.InteractionTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct)
                ?? throw DomainException.Invalid("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", code));
            var languages = await db.InteractionTemplateLanguages.AsNoTracking().Where(l => l.InteractionTemplateCode == code)
                .Select(l => l.LanguageCode).ToListAsync(ct);
            template = InteractionDefaults.ForTemplate(found, contact, languages);
        }
        var salesperson = await InteractionDefaults.SalespersonCodeAsync(db, await users.FindAsync(userId, ct), contact?.SalespersonCode, ct);
        var (date, time) = InteractionDefaults.When(clock);
        return new InteractionStartDto(contact?.No, contact?.Name, contact?.CompanyNo, salesperson, date, time, template);
    }
}
