using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.Delivery;

internal sealed class DeliverySorterConfiguration : IEntityTypeConfiguration<DeliverySorter>
{
    public void Configure(EntityTypeBuilder<DeliverySorter> b)
    {
        b.ToTable("DeliverySorter");
        b.HasKey(d => d.EntryNo);
        b.Property(d => d.EntryNo).ValueGeneratedNever();
        b.Property(d => d.Subject).HasMaxLength(DeliverySorter.SubjectLength);
        b.Property(d => d.LanguageCode).HasMaxLength(10);
        b.Property(d => d.DeliveryId).HasMaxLength(32);
        b.Property(d => d.ClaimedBy).HasMaxLength(DeliverySorter.ClaimedByLength);
        b.Property(d => d.LastError).HasMaxLength(DeliverySorter.LastErrorLength);
        // The worker's question: which rows of a kind are due, oldest first.
        b.HasIndex(d => new { d.CorrespondenceType, d.NextAttemptAt });
        // A row goes with its entry (a canceled entry deleted, rule 33).
        b.HasOne<InteractionLogEntry>().WithOne().HasForeignKey<DeliverySorter>(d => d.EntryNo).OnDelete(DeleteBehavior.Cascade);
    }
}
