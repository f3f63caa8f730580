using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

/// <summary>BC's "Create as person" through the API: a new person at a company takes over what it was not given.</summary>
public sealed class CreateAsPersonTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private async Task<(HttpClient Client, string Company, string Salesperson)> CompanyAsync(string provider)
    {
        var app = apps.For(provider);
        var salesperson = Unique.Code("SC");
        await (await (await app.ClientAsync(Roles.Admin)).PostAsync("/api/v1/salespeople", new { code = salesperson, name = "Company seller" }))
            .JsonAsync(HttpStatusCode.Created);
        var client = await app.ClientAsync(Roles.Sales);
        var company = await (await client.PostAsync("/api/v1/contacts", new
        {
            type = "company", name = "Address Co", address = "1 Harbour Street", postCode = "1012 AB", city = "Amsterdam",
            countryRegionCode = "NL", phoneNo = "+31 20 555 0100", languageCode = "NLD", salespersonCode = salesperson,
            email = "info@address.example", correspondenceType = "hardCopy",
        })).JsonAsync(HttpStatusCode.Created);
        return (client, company.Str("no"), salesperson);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_created_at_a_company_without_address_fields_takes_the_companys_address_phone_language_and_salesperson(string provider)
    {
        var (client, company, salesperson) = await CompanyAsync(provider);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Pia Person", companyNo = company }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("1 Harbour Street", "1012 AB", "Amsterdam", "NL"),
            (person.Str("address"), person.Str("postCode"), person.Str("city"), person.Str("countryRegionCode")));
        Assert.Equal(("+31 20 555 0100", "NLD", salesperson), (person.Str("phoneNo"), person.Str("languageCode"), person.Str("salespersonCode")));
        // Not the company's own ways of being reached or its preference.
        Assert.Null(person.Str("email"));
        Assert.Equal("none", person.Str("correspondenceType"));
        var stored = await (await client.GetAsync($"/api/v1/contacts/{person.Str("no")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Amsterdam", stored.Str("city"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task What_a_new_person_is_given_is_kept_and_an_address_is_never_a_mix_of_two(string provider)
    {
        var (client, company, salesperson) = await CompanyAsync(provider);
        var person = await (await client.PostAsync("/api/v1/contacts", new
        {
            type = "person", name = "Homeworker", companyNo = company, city = "Utrecht", salespersonCode = (string?)null, languageCode = "ENU",
        })).JsonAsync(HttpStatusCode.Created);

        // The city was given: street and post code are not the company's; the country still is.
        Assert.Equal(((string?)null, (string?)null, "Utrecht", "NL"),
            (person.Str("address"), person.Str("postCode"), person.Str("city"), person.Str("countryRegionCode")));
        Assert.Null(person.Str("salespersonCode"));
        Assert.Equal("ENU", person.Str("languageCode"));
        Assert.Equal("+31 20 555 0100", person.Str("phoneNo"));
        Assert.NotNull(salesperson);

        // A company and a person without a company take nothing from anywhere.
        var alone = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Freelancer" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null(alone.Str("city"));
        var other = await (await client.PostAsync("/api/v1/contacts", new { type = "company", name = "Other Co" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null(other.Str("city"));
    }
}
