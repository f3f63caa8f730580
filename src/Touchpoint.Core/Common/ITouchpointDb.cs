using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core.Common;

/// <summary>
/// The narrow view of the database that use cases work with. The DbContext in Touchpoint.Persistence implements it;
/// use cases query it with EF Core directly (no repositories), so "go to definition" lands on real queries.
/// </summary>
public interface ITouchpointDb
{
    DbSet<Contact> Contacts { get; }
    DbSet<ContactBusinessRelation> ContactBusinessRelations { get; }
    DbSet<ContactNote> ContactNotes { get; }
    DbSet<Salesperson> Salespeople { get; }
    DbSet<Campaign> Campaigns { get; }
    DbSet<Opportunity> Opportunities { get; }
    DbSet<OpportunityEntry> OpportunityEntries { get; }
    DbSet<NoSeriesLine> NoSeries { get; }
    DbSet<InteractionGroup> InteractionGroups { get; }
    DbSet<InteractionTemplate> InteractionTemplates { get; }
    DbSet<InteractionTemplateSetup> InteractionTemplateSetup { get; }
    DbSet<InteractionTemplateLanguage> InteractionTemplateLanguages { get; }
    DbSet<Attachment> Attachments { get; }
    DbSet<InteractionLogEntry> InteractionLogEntries { get; }
    DbSet<InteractionLogEntryComment> InteractionLogEntryComments { get; }
    DbSet<InteractionTotal> InteractionTotals { get; }
    DbSet<CampaignEntry> CampaignEntries { get; }
    DbSet<AttachmentContent> AttachmentContents { get; }
    DbSet<SegmentHeader> SegmentHeaders { get; }
    DbSet<SegmentLine> SegmentLines { get; }
    DbSet<SegmentCriteriaAction> SegmentCriteriaActions { get; }
    DbSet<SegmentHistoryLine> SegmentHistoryLines { get; }
    DbSet<SegmentInteractionLanguage> SegmentInteractionLanguages { get; }
    DbSet<SavedSegmentCriteria> SavedSegmentCriteria { get; }
    DbSet<SavedSegmentCriteriaLine> SavedSegmentCriteriaLines { get; }
    DbSet<LoggedSegment> LoggedSegments { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<Delivery.DeliverySorter> DeliverySorter { get; }
    DbSet<Audit.AuditEntry> AuditEntries { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
