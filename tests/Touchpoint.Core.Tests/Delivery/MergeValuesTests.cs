using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Tests.Delivery;

public sealed class MergeValuesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompanyOptions Company = new() { Name = "Cronus ", Address = "5 The Ring", PostCode = "W2 8HG", City = "London" };

    private static Contact Person(string? languageCode = null)
    {
        var company = Contact.Create("CT1", new ContactFields { Type = ContactType.Company, Name = "Acme" }, null, Now, new FieldErrors());
        return Contact.Create("CT2", new ContactFields
        {
            Type = ContactType.Person, Name = "Ann de Vries", CompanyNo = "CT1", Address = "Main Street 1", PostCode = "1234 AB",
            City = "Utrecht", CountryRegionCode = "NL", Email = "ann@acme.example", PhoneNo = "+31 30 123", LanguageCode = languageCode,
        }, company, Now, new FieldErrors());
    }

    private static Salesperson Bob() =>
        Salesperson.Create("BOB", new SalespersonFields { Name = "Bob Jones", Email = "bob@cronus.example" }, new FieldErrors());

    [Fact]
    public void An_entry_is_merged_with_its_contact_salesperson_and_the_configured_company()
    {
        var values = MergeValues.For(new MergeEntry(42, new DateOnly(2026, 12, 3), "Business letter", "Our offer", "ENU"), Person(), Bob(), Company);

        Assert.Equal("CT2", values[MergeValues.ContactNo]);
        Assert.Equal("Ann de Vries", values["contactname"]);
        Assert.Equal("Acme", values[MergeValues.ContactCompanyName]);
        Assert.Equal("Main Street 1", values[MergeValues.ContactAddress]);
        Assert.Equal("1234 AB", values[MergeValues.ContactPostCode]);
        Assert.Equal("Utrecht", values[MergeValues.ContactCity]);
        Assert.Equal("NL", values[MergeValues.ContactCountryRegionCode]);
        Assert.Equal("ann@acme.example", values[MergeValues.ContactEmail]);
        Assert.Equal("+31 30 123", values[MergeValues.ContactPhoneNo]);
        Assert.Equal("BOB", values[MergeValues.SalespersonCode]);
        Assert.Equal("Bob Jones", values[MergeValues.SalespersonName]);
        Assert.Equal("bob@cronus.example", values[MergeValues.SalespersonEmail]);
        Assert.Equal("December 3, 2026", values[MergeValues.Date]);
        Assert.Equal("Our offer", values[MergeValues.Subject]);
        Assert.Equal("Business letter", values[MergeValues.Description]);
        Assert.Equal("42", values[MergeValues.EntryNo]);
        Assert.Equal("Cronus", values[MergeValues.CompanyName]);
        Assert.Equal("5 The Ring", values[MergeValues.CompanyAddress]);
        Assert.Equal("W2 8HG", values[MergeValues.CompanyPostCode]);
        Assert.Equal("London", values[MergeValues.CompanyCity]);
    }

    [Theory]
    [InlineData("NLD", "3 december 2026")]
    [InlineData("SVE", "3 december 2026")]
    [InlineData("ENG", "3 December 2026")]
    [InlineData("ENU", "December 3, 2026")]
    [InlineData("RUS", "3 декабря 2026 г.")]
    [InlineData("DEU", "3. Dezember 2026")]
    [InlineData("nl-NL", "3 december 2026")]
    [InlineData(null, "03 December 2026")]
    [InlineData("XYZ", "03 December 2026")]
    public void The_date_is_written_as_the_interaction_language_writes_it_without_the_weekday(string? languageCode, string date)
    {
        var values = MergeValues.For(new MergeEntry(1, new DateOnly(2026, 12, 3), "", null, languageCode), Person(), null, new CompanyOptions());

        // ICU writes some of its spaces as no-break spaces ("2026\u00A0г."), as a letter should.
        Assert.Equal(date, values[MergeValues.Date].Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Without_an_interaction_language_the_date_follows_the_contacts_language()
    {
        var values = MergeValues.For(new MergeEntry(1, new DateOnly(2026, 12, 3), "", null, null), Person("NLD"), null, new CompanyOptions());

        Assert.Equal("3 december 2026", values[MergeValues.Date]);
    }

    [Fact]
    public void Without_a_salesperson_or_company_details_those_fields_are_blank()
    {
        var values = MergeValues.For(new MergeEntry(1, new DateOnly(2026, 12, 3), "", null, null), Person(), null, new CompanyOptions());

        Assert.Equal("", values[MergeValues.SalespersonName]);
        Assert.Equal("", values[MergeValues.CompanyName]);
        Assert.Equal("", values[MergeValues.Subject]);
        Assert.Equal("", values["NoSuchField"]);
    }

    [Fact]
    public void Only_merge_field_names_can_be_given_values()
    {
        Assert.Throws<ArgumentException>(() => new MergeValues([KeyValuePair.Create("Fax", (string?)"1")]));
    }
}
