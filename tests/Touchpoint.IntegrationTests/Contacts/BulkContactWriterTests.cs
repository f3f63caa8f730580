using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

/// <summary>
/// The bulk writers name their columns by hand: a contact they write must read back exactly like one saved through
/// EF Core, and be found by the search index (triggers on SQLite, the trigram index on PostgreSQL).
/// </summary>
public sealed class BulkContactWriterTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_bulk_written_contact_reads_back_like_one_saved_through_the_api_and_is_searchable(string provider)
    {
        var app = apps.For(provider);
        var client = await app.ClientAsync(Roles.Admin);
        var tag = Unique.Code("BW");
        var fields = new
        {
            type = "company", name = $"Bulk {tag} AB", email = $"bulk@{tag.ToLowerInvariant()}.example", phoneNo = "+46 8 123",
            mobilePhoneNo = "+46 70 1", address = "Storgatan 1", postCode = "111 22", city = "Stockholm", countryRegionCode = "SE",
            languageCode = "SVE", correspondenceType = "email", privacyBlocked = true,
        };
        var viaApi = await (await client.PostAsync("/api/v1/contacts", fields)).JsonAsync(HttpStatusCode.Created);

        var bulkNo = Unique.Code("BULK");
        await app.WithScopeAsync(async sp =>
        {
            var contact = Contact.Create(bulkNo, new ContactFields
            {
                Type = ContactType.Company, Name = fields.name, Email = fields.email, PhoneNo = fields.phoneNo,
                MobilePhoneNo = fields.mobilePhoneNo, Address = fields.address, PostCode = fields.postCode, City = fields.city,
                CountryRegionCode = fields.countryRegionCode, LanguageCode = fields.languageCode,
                CorrespondenceType = CorrespondenceType.Email, PrivacyBlocked = true,
            }, null, TimeProvider.System.GetUtcNow(), new FieldErrors());
            contact.AssignNo(bulkNo);
            var settings = sp.GetRequiredService<DatabaseSettings>();
            await sp.GetRequiredService<IDatabaseProvider>().BulkInsertContactsAsync(settings.ConnectionString, [contact]);
            return 0;
        });

        var viaBulk = await (await client.GetAsync($"/api/v1/contacts/{bulkNo}")).JsonAsync(HttpStatusCode.OK);
        foreach (var property in viaApi.EnumerateObject().Where(p => p.Name is not "no" and not "companyNo"))
        {
            Assert.Equal(property.Value.ToString(), viaBulk.GetProperty(property.Name).ToString());
        }
        Assert.Equal(bulkNo, viaBulk.Str("companyNo"));
        var found = await (await client.GetAsync($"/api/v1/contacts?search=bulk {tag}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, found.GetProperty("value").GetArrayLength());
    }
}
