using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Core.Tests.Contacts;

public sealed class ContactRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Contact Company(string no = "CT1", string name = "Acme") =>
        Contact.Create(no, new ContactFields { Type = ContactType.Company, Name = name }, null, Now, new FieldErrors());

    [Fact]
    public void A_company_is_its_own_company()
    {
        var company = Company();
        Assert.Equal("CT1", company.CompanyNo);
        Assert.Equal("Acme", company.CompanyName);
        company.AssignNo("CT9");
        Assert.Equal("CT9", company.CompanyNo);
    }

    [Fact]
    public void A_person_takes_the_name_of_its_company()
    {
        var person = Contact.Create("CT2", new ContactFields { Type = ContactType.Person, Name = "Ann", CompanyNo = "ct1" }, Company(), Now, new FieldErrors());
        Assert.Equal("CT1", person.CompanyNo);
        Assert.Equal("Acme", person.CompanyName);
    }

    [Fact]
    public void A_person_naming_a_company_that_was_not_found_is_an_error_at_companyNo()
    {
        var errors = new FieldErrors();
        Contact.Create("CT2", new ContactFields { Type = ContactType.Person, Name = "Ann", CompanyNo = "CT404" }, null, Now, errors);
        Assert.True(errors.Has("companyNo"));
    }

    [Fact]
    public void Every_field_that_is_too_long_is_reported_at_once()
    {
        var errors = new FieldErrors();
        Contact.Create("CT3", new ContactFields
        {
            Name = new string('n', 101), City = new string('c', 31), PostCode = new string('p', 21), LanguageCode = "TOOLONGCODE",
        }, null, Now, errors);
        Assert.True(errors.Has("name") && errors.Has("city") && errors.Has("postCode") && errors.Has("languageCode"));
        var e = Assert.Throws<DomainException>(errors.ThrowIfAny);
        Assert.Equal(4, e.Errors.Count);
    }

    [Theory]
    [InlineData("a@b.example", true)]
    [InlineData("first.last@sub.domain.example", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("two@@signs.example", false)]
    [InlineData("space in@name.example", false)]
    [InlineData("@nouser.example", false)]
    public void Email_addresses_are_checked(string email, bool valid)
    {
        var errors = new FieldErrors();
        Contact.Create("CT4", new ContactFields { Name = "X", Email = email }, null, Now, errors);
        Assert.Equal(!valid, errors.Has("email"));
    }

    [Fact]
    public void Codes_are_upper_cased_and_blank_text_is_cleared()
    {
        var contact = Contact.Create("CT5", new ContactFields { Name = "  Trim Me  ", LanguageCode = " nld ", City = "   " }, null, Now, new FieldErrors());
        Assert.Equal("Trim Me", contact.Name);
        Assert.Equal("NLD", contact.LanguageCode);
        Assert.Null(contact.City);
    }

    [Fact]
    public void Search_text_holds_name_email_and_phones_upper_cased()
    {
        var contact = Contact.Create("CT6", new ContactFields { Name = "Åsa Öberg", Email = "asa@ex.example", PhoneNo = "+46 1", MobilePhoneNo = "+46 2" }, null, Now, new FieldErrors());
        Assert.Equal("ÅSA ÖBERG\nASA@EX.EXAMPLE\n+46 1\n+46 2", contact.SearchText);
        Assert.Equal("ÅSA ÖBERG", contact.SearchName);
    }

    [Fact]
    public void Unset_fields_keep_their_value_on_apply()
    {
        var contact = Contact.Create("CT7", new ContactFields { Name = "Keep", City = "Lund", Email = "k@k.example" }, null, Now, new FieldErrors());
        contact.Apply(new ContactFields { City = "Malmö" }, null, Now, new FieldErrors());
        Assert.Equal("Keep", contact.Name);
        Assert.Equal("k@k.example", contact.Email);
        Assert.Equal("Malmö", contact.City);
    }
}
