using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Segments;

namespace Touchpoint.Persistence.Segments;

internal sealed class SegmentHeaderConfiguration : IEntityTypeConfiguration<SegmentHeader>
{
    public void Configure(EntityTypeBuilder<SegmentHeader> b)
    {
        b.HasKey(s => s.No);
        b.Property(s => s.No).HasMaxLength(SegmentHeader.NoLength);
        b.Property(s => s.Description).HasMaxLength(SegmentHeader.DescriptionLength);
        b.Property(s => s.InteractionTemplateCode).HasMaxLength(InteractionTemplate.CodeLength);
        b.Property(s => s.SalespersonCode).HasMaxLength(20);
        b.Property(s => s.LanguageCodeDefault).HasMaxLength(SegmentHeader.LanguageCodeLength);
        b.Property(s => s.SubjectDefault).HasMaxLength(SegmentHeader.SubjectLength);
        b.Property(s => s.CampaignNo).HasMaxLength(20);
        b.Property(s => s.InteractionGroupCode).HasMaxLength(InteractionGroup.CodeLength);
        b.HasIndex(s => s.SalespersonCode);
        b.HasIndex(s => s.CampaignNo);
    }
}

internal sealed class SegmentLineConfiguration : IEntityTypeConfiguration<SegmentLine>
{
    public void Configure(EntityTypeBuilder<SegmentLine> b)
    {
        b.HasKey(l => new { l.SegmentNo, l.LineNo });
        b.Property(l => l.LineNo).ValueGeneratedNever();
        b.Property(l => l.SegmentNo).HasMaxLength(SegmentHeader.NoLength);
        b.Property(l => l.ContactNo).HasMaxLength(20);
        b.Property(l => l.ContactCompanyNo).HasMaxLength(20);
        b.Property(l => l.InteractionTemplateCode).HasMaxLength(InteractionTemplate.CodeLength);
        b.Property(l => l.InteractionGroupCode).HasMaxLength(InteractionGroup.CodeLength);
        b.Property(l => l.Description).HasMaxLength(SegmentHeader.DescriptionLength);
        b.Property(l => l.Subject).HasMaxLength(SegmentHeader.SubjectLength);
        b.Property(l => l.LanguageCode).HasMaxLength(SegmentHeader.LanguageCodeLength);
        b.Property(l => l.CampaignNo).HasMaxLength(20);
        b.Property(l => l.SalespersonCode).HasMaxLength(20);
        b.Property(l => l.OpportunityNo).HasMaxLength(20);
        b.HasOne<SegmentHeader>().WithMany().HasForeignKey(l => l.SegmentNo).OnDelete(DeleteBehavior.Cascade);
        // One line per contact in a segment (BC's key Contact No., Segment No.).
        b.HasIndex(l => new { l.ContactNo, l.SegmentNo }).IsUnique();
        b.HasIndex(l => l.CampaignNo);
        // Whether an attachment is still used by a line (SegmentLanguages.RemoveUnusedAsync).
        b.HasIndex(l => l.AttachmentNo).HasFilter("\"AttachmentNo\" IS NOT NULL");
    }
}

internal sealed class SegmentInteractionLanguageConfiguration : IEntityTypeConfiguration<SegmentInteractionLanguage>
{
    public void Configure(EntityTypeBuilder<SegmentInteractionLanguage> b)
    {
        b.HasKey(l => new { l.SegmentNo, l.SegmentLineNo, l.LanguageCode });
        b.Property(l => l.SegmentLineNo).ValueGeneratedNever();
        b.Property(l => l.SegmentNo).HasMaxLength(SegmentHeader.NoLength);
        b.Property(l => l.LanguageCode).HasMaxLength(SegmentHeader.LanguageCodeLength);
        b.Property(l => l.Description).HasMaxLength(SegmentHeader.DescriptionLength);
        b.Property(l => l.Subject).HasMaxLength(SegmentHeader.SubjectLength);
        b.HasOne<SegmentHeader>().WithMany().HasForeignKey(l => l.SegmentNo).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.AttachmentNo).HasFilter("\"AttachmentNo\" IS NOT NULL");
    }
}

internal sealed class SegmentCriteriaActionConfiguration : IEntityTypeConfiguration<SegmentCriteriaAction>
{
    public void Configure(EntityTypeBuilder<SegmentCriteriaAction> b)
    {
        b.HasKey(a => new { a.SegmentNo, a.ActionNo });
        b.Property(a => a.ActionNo).ValueGeneratedNever();
        b.Property(a => a.SegmentNo).HasMaxLength(SegmentHeader.NoLength);
        b.HasOne<SegmentHeader>().WithMany().HasForeignKey(a => a.SegmentNo).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SegmentHistoryLineConfiguration : IEntityTypeConfiguration<SegmentHistoryLine>
{
    public void Configure(EntityTypeBuilder<SegmentHistoryLine> b)
    {
        b.HasKey(l => new { l.SegmentNo, l.ActionNo, l.LineNo });
        b.Property(l => l.ActionNo).ValueGeneratedNever();
        b.Property(l => l.LineNo).ValueGeneratedNever();
        b.Property(l => l.SegmentNo).HasMaxLength(SegmentHeader.NoLength);
        b.Property(l => l.ContactNo).HasMaxLength(20);
        b.Property(l => l.ContactCompanyNo).HasMaxLength(20);
        b.Property(l => l.InteractionTemplateCode).HasMaxLength(InteractionTemplate.CodeLength);
        b.Property(l => l.InteractionGroupCode).HasMaxLength(InteractionGroup.CodeLength);
        b.Property(l => l.Description).HasMaxLength(SegmentHeader.DescriptionLength);
        b.Property(l => l.Subject).HasMaxLength(SegmentHeader.SubjectLength);
        b.Property(l => l.LanguageCode).HasMaxLength(SegmentHeader.LanguageCodeLength);
        b.Property(l => l.CampaignNo).HasMaxLength(20);
        b.Property(l => l.SalespersonCode).HasMaxLength(20);
        b.Property(l => l.OpportunityNo).HasMaxLength(20);
        b.HasOne<SegmentCriteriaAction>().WithMany().HasForeignKey(l => new { l.SegmentNo, l.ActionNo }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedSegmentCriteriaConfiguration : IEntityTypeConfiguration<SavedSegmentCriteria>
{
    public void Configure(EntityTypeBuilder<SavedSegmentCriteria> b)
    {
        b.ToTable("SavedSegmentCriteria");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(SavedSegmentCriteria.CodeLength);
        b.Property(s => s.Description).HasMaxLength(SavedSegmentCriteria.DescriptionLength);
    }
}

internal sealed class SavedSegmentCriteriaLineConfiguration : IEntityTypeConfiguration<SavedSegmentCriteriaLine>
{
    public void Configure(EntityTypeBuilder<SavedSegmentCriteriaLine> b)
    {
        b.HasKey(l => new { l.Code, l.LineNo });
        b.Property(l => l.LineNo).ValueGeneratedNever();
        b.Property(l => l.Code).HasMaxLength(SavedSegmentCriteria.CodeLength);
        b.HasOne<SavedSegmentCriteria>().WithMany().HasForeignKey(l => l.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoggedSegmentConfiguration : IEntityTypeConfiguration<LoggedSegment>
{
    public void Configure(EntityTypeBuilder<LoggedSegment> b)
    {
        b.HasKey(l => l.EntryNo);
        b.Property(l => l.EntryNo).ValueGeneratedOnAdd();
        b.Property(l => l.SegmentNo).HasMaxLength(SegmentHeader.NoLength);
        b.Property(l => l.Description).HasMaxLength(LoggedSegment.DescriptionLength);
        b.Property(l => l.UserId).HasMaxLength(256);
        b.Property(l => l.Canceled).IsConcurrencyToken();
        b.HasIndex(l => l.SegmentNo);
    }
}
