using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Audit;

namespace Touchpoint.Persistence.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.EntryNo);
        b.Property(a => a.EntryNo).ValueGeneratedOnAdd();
        b.Property(a => a.UserId).HasMaxLength(AuditEntry.UserIdLength);
        b.Property(a => a.Action).HasMaxLength(AuditEntry.ActionLength);
        b.Property(a => a.Entity).HasMaxLength(AuditEntry.EntityLength);
        b.Property(a => a.Key).HasMaxLength(AuditEntry.KeyLength);
        b.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsLength);
        // The filters of the audit trail page and API, each ending in the entry no. that pages them newest first.
        b.HasIndex(a => new { a.Entity, a.Key, a.EntryNo });
        b.HasIndex(a => new { a.UserId, a.EntryNo });
        b.HasIndex(a => new { a.Date, a.EntryNo });
    }
}
