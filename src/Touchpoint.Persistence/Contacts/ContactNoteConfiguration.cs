using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Persistence.Contacts;

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> b)
    {
        b.HasKey(n => n.LineNo);
        b.Property(n => n.LineNo).ValueGeneratedOnAdd();
        b.Property(n => n.ContactNo).HasMaxLength(Contact.NoLength);
        b.Property(n => n.Comment).HasMaxLength(ContactNote.CommentLength);
        b.Property(n => n.UserId).HasMaxLength(ContactNote.UserIdLength);
        // The timeline's order (newest first) for one contact, or for each contact of a company.
        b.HasIndex(n => new { n.ContactNo, n.Date, n.Time, n.LineNo });
        b.HasOne<Contact>().WithMany().HasForeignKey(n => n.ContactNo).HasPrincipalKey(c => c.No).OnDelete(DeleteBehavior.Cascade);
    }
}
