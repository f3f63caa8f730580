using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Demo;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Demo;

public sealed class DemoCompanyTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_demo_company_has_contacts_relations_and_the_interaction_setup_of_BC_and_is_added_once(string provider)
    {
        using var app = new TouchpointApp(provider, seedDemo: true);
        var counts = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            return new
            {
                Companies = await db.Contacts.CountAsync(c => c.Type == ContactType.Company),
                Persons = await db.Contacts.CountAsync(c => c.Type == ContactType.Person),
                Countries = await db.Contacts.Select(c => c.CountryRegionCode).Distinct().CountAsync(),
                Relations = await db.ContactBusinessRelations.CountAsync(),
                Groups = await db.InteractionGroups.CountAsync(),
                Templates = await db.InteractionTemplates.CountAsync(),
                BusLanguages = await db.InteractionTemplateLanguages.Where(l => l.InteractionTemplateCode == "BUS").Select(l => l.LanguageCode).ToListAsync(),
                TemplateLanguages = await db.InteractionTemplateLanguages.CountAsync(),
                // The letters' files; the entries of the demo's history keep copies of their own (rule 44).
                Attachments = await db.Attachments.CountAsync(a => db.InteractionTemplateLanguages.Any(l => l.AttachmentNo == a.No)),
                Setup = await db.InteractionTemplateSetup.SingleAsync(),
                Salespeople = await db.Salespeople.CountAsync(),
                Campaigns = await db.Campaigns.CountAsync(),
                Opportunities = await db.Opportunities.CountAsync(),
            };
        });
        Assert.Equal(SeedDemoCompany.Companies, counts.Companies);
        Assert.Equal(SeedDemoCompany.Companies * SeedDemoCompany.PersonsPerCompany, counts.Persons);
        Assert.Equal(6, counts.Countries);
        Assert.True(counts.Relations > 150);
        Assert.Equal(6, counts.Groups);
        Assert.Equal(31, counts.Templates);
        // The letter templates (ABSTRACT, BUS, GOLF) in English, Dutch, Swedish and Russian, each with its Word letter.
        Assert.Equal(["ENU", "NLD", "RUS", "SVE"], counts.BusLanguages.Order(StringComparer.Ordinal));
        Assert.Equal(12, counts.TemplateLanguages);
        Assert.Equal(12, counts.Attachments);
        Assert.Equal("S_INVOICE", counts.Setup.SalesInvoice);
        Assert.Equal("OUTGOING", counts.Setup.OutgoingCalls);
        Assert.Equal("P_RT_ORD_C", counts.Setup.PurchaseReturnOrderConfirmation);
        Assert.Null(counts.Setup.ServiceOrderCreate);
        Assert.Equal(6, counts.Salespeople);
        Assert.True(counts.Campaigns >= 3 && counts.Opportunities >= 10);

        // Running it again adds nothing, and new contacts continue after the demo's numbers.
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<SeedDemoCompany>().HandleAsync()));
        var client = await app.ClientAsync(Roles.Sales);
        var created = await (await client.PostAsync("/api/v1/contacts", new { name = "After demo" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("CT000801", created.Str("no"));
    }
}
