using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.IntegrationTests.Users;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// The Create Interaction wizard's defaults (rules 8, 10, 12–15) as the page gets them, the same defaults in
/// POST /interactions, and the wizard's opportunity look-up (rule 18).
/// </summary>
public sealed class InteractionDefaultsTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static Task<InteractionStartDto> StartAsync(TouchpointApp app, string? contactNo, string? templateCode, string? userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<StartCreateInteraction>().HandleAsync(contactNo, templateCode, userId));

    [Theory, SqliteData, PostgresData]
    public async Task Rule_8_the_salesperson_is_the_one_with_the_users_email_else_the_users_own_else_the_contacts(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var (byEmail, linked) = (Unique.Code("SE"), Unique.Code("SL"));
        var email = UserClients.NewEmail("r8");
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = byEmail, name = "Mail match", email = email.ToUpperInvariant() })).JsonAsync(HttpStatusCode.Created);
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = linked, name = "Linked" })).JsonAsync(HttpStatusCode.Created);
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { salespersonCode = w.Salesperson })).JsonAsync(HttpStatusCode.OK);
        await UserClients.SalesUserAsync(app, email, linked);

        // Exactly one salesperson has the user's e-mail (in any case): that one.
        Assert.Equal(byEmail, (await StartAsync(app, w.Person, null, email)).SalespersonCode);

        // Two have it: the user's own salesperson.
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = Unique.Code("SD"), name = "Same mail", email })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(linked, (await StartAsync(app, w.Person, null, email)).SalespersonCode);

        // Neither: the contact's; and without a contact, nothing.
        var unlinked = UserClients.NewEmail("r8n");
        await UserClients.SalesUserAsync(app, unlinked, null);
        Assert.Equal(w.Salesperson, (await StartAsync(app, w.Person, null, unlinked)).SalespersonCode);
        Assert.Null((await StartAsync(app, null, null, unlinked)).SalespersonCode);
        Assert.Equal(linked, (await StartAsync(app, null, null, email)).SalespersonCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rules_12_to_15_the_wizard_shows_the_defaults_the_API_logs_with(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, new
        {
            correspondenceTypeDefault = "hardCopy", languageCodeDefault = "ENU", description = "Price letter", unitCostLcy = 3m,
            unitDurationMin = 20, campaignTarget = true,
        });
        await (await w.Admin.PostAsync($"/api/v1/interactionTemplates/{w.Template}/languages", new { languageCode = "NLD", description = "Dutch" }))
            .JsonAsync(HttpStatusCode.Created);
        var ignoring = Unique.Code("TI")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new
        {
            code = ignoring, interactionGroupCode = w.Group, description = "Brochure", correspondenceTypeDefault = "hardCopy", ignoreContactCorresType = true,
        })).JsonAsync(HttpStatusCode.Created);
        // The person prefers e-mail in Dutch; the company has no preference and a language the template lacks.
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { correspondenceType = "email", languageCode = "NLD" })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Company}", new { correspondenceType = (string?)null, languageCode = "DEU" })).JsonAsync(HttpStatusCode.OK);

        var person = (await StartAsync(app, w.Person, w.Template, null)).Template!;
        Assert.Equal((CorrespondenceType.Email, "NLD"), (person.CorrespondenceType, person.LanguageCode));
        Assert.Equal(("Price letter", 3m, 20m, true, false), (person.Description, person.CostLcy, person.DurationMin, person.CampaignTarget, person.CampaignResponse));
        var company = (await StartAsync(app, w.Company, w.Template, null)).Template!;
        Assert.Equal((CorrespondenceType.HardCopy, "ENU"), (company.CorrespondenceType, company.LanguageCode));
        Assert.Equal(CorrespondenceType.HardCopy, (await StartAsync(app, w.Person, ignoring, null)).Template!.CorrespondenceType);
        Assert.Equal(CorrespondenceType.HardCopy, (await StartAsync(app, null, w.Template, null)).Template!.CorrespondenceType);

        // The API fills in what it was not sent with the same values.
        foreach (var (contact, template, shown) in new[] { (w.Person, w.Template, person), (w.Company, w.Template, company) })
        {
            var line = await app.WithScopeAsync(sp => sp.GetRequiredService<CreateInteraction>().BuildLineAsync(
                new CreateInteractionRequest { ContactNo = contact, InteractionTemplateCode = template, SalespersonCode = w.Salesperson, CorrespondenceType = CorrespondenceType.HardCopy },
                CancellationToken.None));
            Assert.Equal((shown.LanguageCode, shown.Description, shown.CostLcy, shown.DurationMin, shown.CampaignTarget),
                (line.LanguageCode, line.Description, line.CostLcy, line.DurationMin, line.CampaignTarget));
        }
        var logged = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Company, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("hardCopy", "ENU"), (logged.Str("correspondenceType"), logged.Str("interactionLanguageCode")));
        // Rule 15 from the API too: the person's e-mail preference needs the attachment the template lacks.
        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .ProblemAsync(HttpStatusCode.BadRequest, "correspondenceType");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_10_the_wizard_starts_today_at_the_next_whole_minute_and_refuses_a_privacy_blocked_contact(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var before = DateTime.Now;
        var start = await StartAsync(app, w.Person, null, null);
        var at = start.Date.ToDateTime(start.TimeOfInteraction);
        Assert.Equal(0, start.TimeOfInteraction.Second);
        Assert.InRange(at, before, DateTime.Now.AddMinutes(1).AddSeconds(1));
        Assert.Equal((w.Person, "Lena Log", w.Company), (start.ContactNo, start.ContactName, start.ContactCompanyNo));

        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { privacyBlocked = true })).JsonAsync(HttpStatusCode.OK);
        var refused = await Assert.ThrowsAsync<DomainException>(() => StartAsync(app, w.Person, null, null));
        Assert.Contains("contactNo", refused.Errors.Keys);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => StartAsync(app, w.Company, "NOSUCH", null));
        Assert.Contains("interactionTemplateCode", unknown.Errors.Keys);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_18_the_opportunity_look_up_finds_any_open_opportunity_of_the_contacts_company_and_salesperson(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var other = await InteractionWorld.CreateAsync(app);
        var prefix = Unique.Code("OQ");
        // Another company's open opportunities come first by No., as the first 100 of the table would.
        var theirs = Enumerable.Range(1, 120).Select(i => ($"{prefix}A{i:D3}", $"Deal {i:D3}", other.Person, other.Company, other.Salesperson, false));
        var ours = Enumerable.Range(1, 150).Select(i => ($"{prefix}B{i:D3}", $"Deal {i:D3}", w.Person, w.Company, w.Salesperson, false));
        var closed = new[] { ($"{prefix}C001", "Deal 150 closed", w.Person, w.Company, w.Salesperson, true) };
        var othersSalesperson = new[] { ($"{prefix}D001", "Deal 150 of another", w.Person, w.Company, other.Salesperson, false) };
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            foreach (var (no, description, contact, company, salesperson, isClosed) in theirs.Concat(ours).Concat(closed).Concat(othersSalesperson))
            {
                var o = Opportunity.Create(no, new DateOnly(2026, 1, 5), new OpportunityFields
                {
                    Description = description, ContactNo = contact, SalespersonCode = salesperson, Closed = isClosed,
                }, new FieldErrors());
                o.SetContactCompany(company);
                db.Opportunities.Add(o);
            }
            return await db.SaveChangesAsync();
        });
        Task<IReadOnlyList<OpportunityDto>> FindAsync(string contactNo, string? salesperson, string? search, int? limit = null) =>
            app.WithScopeAsync(sp => sp.GetRequiredService<FindInteractionOpportunities>().HandleAsync(contactNo, salesperson, search, limit));

        // The 150th of the company is found by what is typed, also from the company itself.
        var found = await FindAsync(w.Person, w.Salesperson, "deal 150");
        Assert.Equal([$"{prefix}B150"], found.Select(o => o.No));
        Assert.Equal([$"{prefix}B150"], (await FindAsync(w.Company, w.Salesperson, $"{prefix}B150")).Select(o => o.No));
        // Without a salesperson chosen, any salesperson's; never a closed one.
        Assert.Equal([$"{prefix}B150", $"{prefix}D001"], (await FindAsync(w.Person, null, "Deal 150")).Select(o => o.No));

        // Nothing typed: the company's first ones, a page per search.
        var first = await FindAsync(w.Person, w.Salesperson, null);
        Assert.Equal(FindInteractionOpportunities.DefaultLimit, first.Count);
        Assert.All(first, o => Assert.Equal(w.Company, o.ContactCompanyNo));
        Assert.Equal($"{prefix}B001", first[0].No);
        Assert.Equal(FindInteractionOpportunities.MaxLimit, (await FindAsync(w.Person, w.Salesperson, "deal", 1000)).Count);
        Assert.Empty(await FindAsync("NOSUCH", null, null));
    }
}
