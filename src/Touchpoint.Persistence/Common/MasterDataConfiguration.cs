using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Persistence.Common;

internal sealed class SalespersonConfiguration : IEntityTypeConfiguration<Salesperson>
{
    public void Configure(EntityTypeBuilder<Salesperson> b)
    {
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(Salesperson.CodeLength);
        b.Property(s => s.Name).HasMaxLength(Salesperson.NameLength);
        b.Property(s => s.Email).HasMaxLength(Salesperson.EmailLength);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasKey(c => c.No);
        b.Property(c => c.No).HasMaxLength(Campaign.NoLength);
        b.Property(c => c.Description).HasMaxLength(Campaign.DescriptionLength);
        b.Property(c => c.SalespersonCode).HasMaxLength(20);
        b.HasIndex(c => c.SalespersonCode);
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.HasKey(o => o.No);
        b.Property(o => o.No).HasMaxLength(Opportunity.NoLength);
        b.Property(o => o.Description).HasMaxLength(Opportunity.DescriptionLength);
        b.Property(o => o.ContactNo).HasMaxLength(20);
        b.Property(o => o.ContactCompanyNo).HasMaxLength(20);
        b.Property(o => o.SalespersonCode).HasMaxLength(20);
        b.Property(o => o.CampaignNo).HasMaxLength(20);
        b.Property(o => o.SegmentNo).HasMaxLength(20);
        b.HasIndex(o => o.ContactNo);
        b.HasIndex(o => o.ContactCompanyNo);
        b.HasIndex(o => o.SalespersonCode);
        b.HasIndex(o => o.CampaignNo);
    }
}

internal sealed class OpportunityEntryConfiguration : IEntityTypeConfiguration<OpportunityEntry>
{
    public void Configure(EntityTypeBuilder<OpportunityEntry> b)
    {
        b.HasKey(e => e.EntryNo);
        b.Property(e => e.EntryNo).ValueGeneratedOnAdd();
        b.Property(e => e.OpportunityNo).HasMaxLength(Opportunity.NoLength);
        b.Property(e => e.UserId).HasMaxLength(50);
        b.HasIndex(e => new { e.OpportunityNo, e.EntryNo });
    }
}

internal sealed class NoSeriesConfiguration : IEntityTypeConfiguration<NoSeriesLine>
{
    public void Configure(EntityTypeBuilder<NoSeriesLine> b)
    {
        // The table name is used by the raw UPDATE … RETURNING in NoSeriesManagement.
        b.ToTable("NoSeries");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Description).HasMaxLength(100);
        b.Property(s => s.Prefix).HasMaxLength(NoSeriesLine.PrefixLength);
    }
}
