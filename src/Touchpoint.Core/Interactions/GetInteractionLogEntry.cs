using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>An entry as the API shows it, with the contact and company names and the title of rule 61.</summary>
public sealed record InteractionLogEntryDto(
    long EntryNo, string ContactNo, string? ContactName, string? ContactCompanyNo, string? ContactCompanyName,
    DateOnly Date, TimeOnly TimeOfInteraction, string Description, string? Subject, string Title,
    InformationFlow InformationFlow, InitiatedBy InitiatedBy, string InteractionGroupCode, string InteractionTemplateCode,
    decimal CostLcy, decimal DurationMin, string UserId, string? SalespersonCode, string? CampaignNo, long? CampaignEntryNo,
    bool CampaignTarget, bool CampaignResponse, string? SegmentNo, long? LoggedSegmentEntryNo, Evaluation Evaluation,
    bool AttemptFailed, string? OpportunityNo, DeliveryStatus DeliveryStatus, bool Canceled,
    CorrespondenceType CorrespondenceType, DocumentType DocumentType, string? DocumentNo, int VersionNo, int DocNoOccurrence,
    string? InteractionLanguageCode, bool HasAttachment, bool HasComments, bool Postponed, DateTimeOffset? DeliveredAt,
    string? DeliveryError);

public sealed class GetInteractionLogEntry(ITouchpointDb db)
{
    public async Task<InteractionLogEntryDto> HandleAsync(long entryNo, CancellationToken ct = default) =>
        (await InteractionLogEntryQuery.Project(db, db.InteractionLogEntries.AsNoTracking().Where(e => e.EntryNo == entryNo)).FirstOrDefaultAsync(ct))
        ?.WithTitle()
        ?? throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));

    /// <summary>The entries that exist of <paramref name="entryNos"/>, in entry no. order.</summary>
    public async Task<IReadOnlyList<InteractionLogEntryDto>> ManyAsync(IReadOnlyCollection<long> entryNos, CancellationToken ct = default)
    {
        var result = new List<InteractionLogEntryDto>(entryNos.Count);
        // In chunks, as the logging pipeline's look-ups: they keep each query's plan and memory small.
        foreach (var chunk in entryNos.Order().Chunk(5000))
        {
            var rows = await InteractionLogEntryQuery.Project(db, db.InteractionLogEntries.AsNoTracking().Where(e => chunk.Contains(e.EntryNo)))
                .ToListAsync(ct);
            result.AddRange(rows.Select(r => r.WithTitle()).OrderBy(e => e.EntryNo));
        }
        return result;
    }
}

internal static class InteractionLogEntryQuery
{
    /// <summary>The entry with what the title needs (rule 61); <see cref="WithTitle"/> composes it.</summary>
    internal sealed record Row(InteractionLogEntry Entry, string? ContactName, string? ContactCompanyName, string? TemplateDescription, string? SalespersonName);

    // The entry is materialized whole and turned into the DTO in memory (ToDto), so the one mapping serves the queries
    // and the logging pipeline, which has the entry and the names at hand without reading them back.
    public static IQueryable<Row> Project(ITouchpointDb db, IQueryable<InteractionLogEntry> entries) =>
        from e in entries
        join c in db.Contacts on e.ContactNo equals c.No into contact
        from c in contact.DefaultIfEmpty()
        join t in db.InteractionTemplates on e.InteractionTemplateCode equals t.Code into template
        from t in template.DefaultIfEmpty()
        join s in db.Salespeople on e.SalespersonCode equals s.Code into salesperson
        from s in salesperson.DefaultIfEmpty()
        select new Row(e, c == null ? null : c.Name, c == null ? null : c.CompanyName, t == null ? null : t.Description, s == null ? null : s.Name);

    private static InteractionLogEntryDto ToDto(this Row row)
    {
        var e = row.Entry;
        return new InteractionLogEntryDto(e.EntryNo, e.ContactNo, row.ContactName, e.ContactCompanyNo,
            row.ContactCompanyName, e.Date, e.TimeOfInteraction, e.Description, e.Subject, "", e.InformationFlow,
            e.InitiatedBy, e.InteractionGroupCode, e.InteractionTemplateCode, e.CostLcy, e.DurationMin, e.UserId,
            e.SalespersonCode, e.CampaignNo, e.CampaignEntryNo, e.CampaignTarget, e.CampaignResponse, e.SegmentNo,
            e.LoggedSegmentEntryNo, e.Evaluation, e.AttemptFailed, e.OpportunityNo, e.DeliveryStatus, e.Canceled,
            e.CorrespondenceType, e.DocumentType, e.DocumentNo, e.VersionNo, e.DocNoOccurrence, e.InteractionLanguageCode,
            e.AttachmentNo != null, e.HasComments, e.Postponed, e.DeliveredAt, e.DeliveryError);
    }

    /// <summary>
    /// Rule 61: the template's description; outbound "… - by" the salesperson (else the user), inbound "… - from"
    /// the contact.
    /// </summary>
    public static InteractionLogEntryDto WithTitle(this Row row)
    {
        var e = row.ToDto();
        var title = row.TemplateDescription ?? e.Description;
        title = e.InformationFlow switch
        {
            InformationFlow.Outbound => Messages.Get("EntryTitleBy", title, string.IsNullOrEmpty(row.SalespersonName) ? e.UserId : row.SalespersonName),
            InformationFlow.Inbound => Messages.Get("EntryTitleFrom", title, e.ContactName ?? e.ContactNo),
            _ => title,
        };
        return e with { Title = title };
    }
}
