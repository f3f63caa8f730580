using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;
using Touchpoint.Core.Segments;
using Touchpoint.Persistence.Common;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Persistence;

/// <summary>
/// The one DbContext: Identity's tables, the data-protection keys and every Touchpoint table. Each entity's mapping
/// lives beside its feature in an IEntityTypeConfiguration; the provider assemblies hold the migrations.
/// </summary>
public sealed class TouchpointDbContext(DbContextOptions<TouchpointDbContext> options)
    : IdentityDbContext<TouchpointUser>(options), ITouchpointDb
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactBusinessRelation> ContactBusinessRelations => Set<ContactBusinessRelation>();
    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();
    public DbSet<Salesperson> Salespeople => Set<Salesperson>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityEntry> OpportunityEntries => Set<OpportunityEntry>();
    public DbSet<NoSeriesLine> NoSeries => Set<NoSeriesLine>();
    public DbSet<InteractionGroup> InteractionGroups => Set<InteractionGroup>();
    public DbSet<InteractionTemplate> InteractionTemplates => Set<InteractionTemplate>();
    public DbSet<InteractionTemplateSetup> InteractionTemplateSetup => Set<InteractionTemplateSetup>();
    public DbSet<InteractionTemplateLanguage> InteractionTemplateLanguages => Set<InteractionTemplateLanguage>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<InteractionLogEntry> InteractionLogEntries => Set<InteractionLogEntry>();
    public DbSet<InteractionLogEntryComment> InteractionLogEntryComments => Set<InteractionLogEntryComment>();
    public DbSet<InteractionTotal> InteractionTotals => Set<InteractionTotal>();
    public DbSet<CampaignEntry> CampaignEntries => Set<CampaignEntry>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<SegmentHeader> SegmentHeaders => Set<SegmentHeader>();
    public DbSet<SegmentLine> SegmentLines => Set<SegmentLine>();
    public DbSet<SegmentCriteriaAction> SegmentCriteriaActions => Set<SegmentCriteriaAction>();
    public DbSet<SegmentHistoryLine> SegmentHistoryLines => Set<SegmentHistoryLine>();
    public DbSet<SegmentInteractionLanguage> SegmentInteractionLanguages => Set<SegmentInteractionLanguage>();
    public DbSet<SavedSegmentCriteria> SavedSegmentCriteria => Set<SavedSegmentCriteria>();
    public DbSet<SavedSegmentCriteriaLine> SavedSegmentCriteriaLines => Set<SavedSegmentCriteriaLine>();
    public DbSet<LoggedSegment> LoggedSegments => Set<LoggedSegment>();
    public DbSet<Core.Common.IdempotencyRecord> IdempotencyRecords => Set<Core.Common.IdempotencyRecord>();
    public DbSet<Core.Delivery.DeliverySorter> DeliverySorter => Set<Core.Delivery.DeliverySorter>();
    public DbSet<Core.Audit.AuditEntry> AuditEntries => Set<Core.Audit.AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RefreshTokenGrant> RefreshTokenGrants => Set<RefreshTokenGrant>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TouchpointUser>(u =>
        {
            u.Property(x => x.SalespersonCode).HasMaxLength(20);
            u.Property(x => x.UiCulture).HasMaxLength(10);
        });
        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("DataProtectionKeys");
            k.Property(x => x.FriendlyName).HasMaxLength(250);
        });
        builder.Entity<RefreshTokenGrant>(g =>
        {
            g.ToTable("RefreshTokenGrants");
            g.Property(x => x.Id).HasMaxLength(32);
            g.HasIndex(x => x.UserId);
            g.HasOne<TouchpointUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(TouchpointDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and durations: BC's Decimal, stored exactly (SQLite keeps decimals as text with this mapping).
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // Enums are stored as their BC option number, so a renamed C# member never changes stored data.
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }
}
