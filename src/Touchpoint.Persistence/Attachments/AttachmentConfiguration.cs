using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Attachments;

namespace Touchpoint.Persistence.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.HasKey(a => a.No);
        b.Property(a => a.No).ValueGeneratedOnAdd();
        b.Property(a => a.FileName).HasMaxLength(Attachment.FileNameLength);
        b.Property(a => a.FileExtension).HasMaxLength(Attachment.ExtensionLength);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.Ignore(a => a.IsWordDocument);
        // "Does any other attachment still use these bytes?" when one is removed.
        b.HasIndex(a => a.ContentHash);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.HasKey(c => c.Hash);
        b.Property(c => c.Hash).HasMaxLength(64);
    }
}
