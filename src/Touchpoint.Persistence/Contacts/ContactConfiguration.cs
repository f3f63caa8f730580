using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Persistence.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        // The surrogate key gives SQLite a rowid that VACUUM never renumbers, which the FTS5 search index relies on;
        // everything else addresses contacts by No.
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.HasAlternateKey(c => c.No);
        b.Property(c => c.No).HasMaxLength(Contact.NoLength);
        b.Property(c => c.Name).HasMaxLength(Contact.NameLength);
        b.Property(c => c.SearchName).HasMaxLength(Contact.NameLength);
        b.Property(c => c.CompanyNo).HasMaxLength(Contact.NoLength);
        b.Property(c => c.CompanyName).HasMaxLength(Contact.NameLength);
        b.Property(c => c.Email).HasMaxLength(Contact.EmailLength);
        b.Property(c => c.PhoneNo).HasMaxLength(Contact.PhoneLength);
        b.Property(c => c.MobilePhoneNo).HasMaxLength(Contact.PhoneLength);
        b.Property(c => c.Address).HasMaxLength(Contact.AddressLength);
        b.Property(c => c.PostCode).HasMaxLength(Contact.PostCodeLength);
        b.Property(c => c.City).HasMaxLength(Contact.CityLength);
        b.Property(c => c.CountryRegionCode).HasMaxLength(Contact.CodeLength);
        b.Property(c => c.LanguageCode).HasMaxLength(Contact.CodeLength);
        b.Property(c => c.SalespersonCode).HasMaxLength(Contact.SalespersonCodeLength);
        b.Property(c => c.SearchText).HasMaxLength(300);
        // The list's sorts and filters: by name, the persons of a company, a salesperson's contacts.
        b.HasIndex(c => new { c.SearchName, c.No });
        b.HasIndex(c => new { c.CompanyNo, c.No });
        b.HasIndex(c => new { c.SalespersonCode, c.No });
    }
}

internal sealed class ContactBusinessRelationConfiguration : IEntityTypeConfiguration<ContactBusinessRelation>
{
    public void Configure(EntityTypeBuilder<ContactBusinessRelation> b)
    {
        b.HasKey(r => new { r.ContactNo, r.LinkToTable, r.LinkNo });
        b.Property(r => r.ContactNo).HasMaxLength(Contact.NoLength);
        b.Property(r => r.LinkNo).HasMaxLength(ContactBusinessRelation.LinkNoLength);
        // A customer or vendor no. belongs to one contact: document logging finds the contact through it.
        b.HasIndex(r => new { r.LinkToTable, r.LinkNo }).IsUnique();
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactNo).HasPrincipalKey(c => c.No).OnDelete(DeleteBehavior.Cascade);
    }
}
