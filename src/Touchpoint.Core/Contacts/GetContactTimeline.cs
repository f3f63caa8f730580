using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Contacts;

/// <summary>What the contact card's timeline shows: everything, or one kind of item.</summary>
public enum TimelineFilter
{
    All = 0,
    /// <summary>Interaction log entries not recorded from a document.</summary>
    Interactions = 1,
    /// <summary>Interaction log entries recorded from a document (BC's Document Type set: an invoice sent, a quote printed).</summary>
    Documents = 2,
    Notes = 3,
    /// <summary>Opportunities created and closed.</summary>
    Opportunities = 4,
}

/// <summary>The kind of one item of the timeline.</summary>
public enum TimelineKind
{
    Interaction = 0,
    Document = 1,
    Note = 2,
    OpportunityCreated = 3,
    OpportunityClosed = 4,
}

public sealed record TimelineQuery
{
    public required string ContactNo { get; init; }
    public TimelineFilter Kind { get; init; }

    /// <summary>For a company: only this person's items (the company's own are left out too).</summary>
    public string? PersonNo { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>One item of the feed; exactly one of <see cref="Entry"/>, <see cref="Note"/>, <see cref="Opportunity"/> is set.</summary>
public sealed record TimelineItemDto(TimelineKind Kind, DateOnly Date, TimeOnly Time, TimelineEntryDto? Entry, ContactNoteDto? Note,
    TimelineOpportunityDto? Opportunity);

/// <summary>An interaction log entry as the feed shows it, with its comment lines (BC's Inter. Log Entry Comment Lines).</summary>
public sealed record TimelineEntryDto(long EntryNo, string ContactNo, string? ContactName, string InteractionTemplateCode,
    string? TemplateDescription, string Description, string? Subject, string? SalespersonCode, string? SalespersonName, string UserId,
    InformationFlow InformationFlow, Evaluation Evaluation, bool AttemptFailed, bool Canceled, bool HasLetter, DocumentType DocumentType,
    string? DocumentNo, IReadOnlyList<InteractionLogEntryCommentDto> Comments);

public sealed record TimelineOpportunityDto(string No, string Description, string ContactNo, string? ContactName, string? SalespersonCode,
    string? SalespersonName, bool Closed);

/// <summary>
/// The contact card's timeline: one newest-first feed of the contact's interaction log entries (postponed ones left
/// out, as the log leaves them out), notes, and opportunities created and closed. A company's feed holds its persons'
/// items too: the entries whose Contact Company No. is the company (BC's company filter of the log), the notes of every
/// contact whose Company No. is the company, the opportunities of the company.
/// <para>
/// Keyset-paged across the sources: every item has the key (date, time, rank of its kind, its own no.), the cursor is
/// the key of the last item shown, and each source reads only its next <c>limit + 1</c> rows after it, by an index in
/// the feed's order, however long the history. The merged rows are cut to the page; within one source they keep the
/// database's order, so the numbers are never compared outside the database. Opportunities have a date but no time:
/// they stand at the start of their day (after the day's calls and notes, newest first).
/// </para>
/// </summary>
public sealed class GetContactTimeline(ITouchpointDb db)
{
    // The rank orders items of the same moment; entries first, as they are what the feed is mostly about.
    private const int EntryRank = 3;
    private const int NoteRank = 2;
    private const int ClosedRank = 1;
    private const int CreatedRank = 0;

    public async Task<Page<TimelineItemDto>> HandleAsync(TimelineQuery query, CancellationToken ct = default)
    {
        var take = Cursor.Limit(query.Limit);
        var after = ReadCursor(query.Cursor);
        var no = Codes.Normalize(query.ContactNo) ?? "";
        var contact = await db.Contacts.AsNoTracking().Where(c => c.No == no).Select(c => new { c.No, c.Type }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNotFound", no));
        var scope = await ScopeAsync(contact.No, contact.Type == ContactType.Company, Codes.Normalize(query.PersonNo), ct);

        var kind = query.Kind;
        var rows = new List<Row>();
        if (kind is TimelineFilter.All or TimelineFilter.Interactions or TimelineFilter.Documents)
        {
            rows.AddRange(await EntriesAsync(scope, kind, after, take, ct));
        }
        if (kind is TimelineFilter.All or TimelineFilter.Notes)
        {
            rows.AddRange(await NotesAsync(scope, after, take, ct));
        }
        if (kind is TimelineFilter.All or TimelineFilter.Opportunities)
        {
            rows.AddRange(await CreatedOpportunitiesAsync(scope, after, take, ct));
            rows.AddRange(await ClosedOpportunitiesAsync(scope, after, take, ct));
        }

        // Each source's rows are in its own order already (Seq); the merge orders by the shared part of the key only.
        var page = rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Time).ThenByDescending(r => r.Rank).ThenBy(r => r.Seq)
            .Take(take + 1).ToList();
        var next = page.Count > take ? page[take - 1] : null;
        if (next is not null)
        {
            page.RemoveAt(take);
        }
        var items = await DescribeAsync(page, ct);
        return new Page<TimelineItemDto>(items, next is null ? null : Cursor.Encode(
            next.Date.ToString("O", CultureInfo.InvariantCulture), next.Time.ToString("O", CultureInfo.InvariantCulture),
            next.Rank.ToString(CultureInfo.InvariantCulture), next.Key));
    }

    /// <summary>Whose items: one contact, or a company with its persons (or one of them).</summary>
    private sealed record Scope(string ContactNo, bool Company, string? PersonNo);

    private async Task<Scope> ScopeAsync(string contactNo, bool company, string? personNo, CancellationToken ct)
    {
        if (personNo is null)
        {
            return new Scope(contactNo, company, null);
        }
        if (!company || !await db.Contacts.AnyAsync(c => c.No == personNo && c.CompanyNo == contactNo && c.Type == ContactType.Person, ct))
        {
            throw DomainException.Invalid("personNo", Messages.Get("TimelinePersonNotOfCompany", personNo, contactNo));
        }
        return new Scope(contactNo, company, personNo);
    }

    private sealed record After(DateOnly Date, TimeOnly Time, int Rank, string Key);

    private static After? ReadCursor(string? cursor)
    {
        var keys = Cursor.Decode(cursor, 4);
        if (keys is null)
        {
            return null;
        }
        var after = new After(Cursor.Date(keys[0]), Cursor.Time(keys[1]), Cursor.Int(keys[2]), keys[3]);
        // The key's type follows the rank: a number for entries and notes, an opportunity no. for the others.
        if (after.Rank is EntryRank or NoteRank)
        {
            _ = Cursor.Long(after.Key);
        }
        else if (after.Rank is not (ClosedRank or CreatedRank))
        {
            throw DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));
        }
        return after;
    }

    /// <summary>
    /// How a source whose items all have <paramref name="rank"/> stands to the cursor's item at the same date and time:
    /// below it (-1: that moment's items are still to come), above it (1: they were shown), or the cursor's own source
    /// (0: its own key decides).
    /// </summary>
    private static int Tie(After after, int rank) => rank.CompareTo(after.Rank) switch { < 0 => -1, > 0 => 1, _ => 0 };

    private sealed record Row(DateOnly Date, TimeOnly Time, int Rank, string Key, int Seq, object Source);

    private async Task<IEnumerable<Row>> EntriesAsync(Scope scope, TimelineFilter kind, After? after, int take, CancellationToken ct)
    {
        // Compared with a parameter, not as NOT "Postponed": SQLite uses an index column only for an equality.
        var postponed = false;
        var entries = db.InteractionLogEntries.AsNoTracking().Where(e => e.Postponed == postponed);
        entries = scope.PersonNo is { } person ? entries.Where(e => e.ContactNo == person && e.ContactCompanyNo == scope.ContactNo)
            : scope.Company ? entries.Where(e => e.ContactCompanyNo == scope.ContactNo)
            : entries.Where(e => e.ContactNo == scope.ContactNo);
        entries = kind switch
        {
            TimelineFilter.Interactions => entries.Where(e => e.DocumentType == DocumentType.None),
            TimelineFilter.Documents => entries.Where(e => e.DocumentType != DocumentType.None),
            _ => entries,
        };
        if (after is not null)
        {
            var (d, t) = (after.Date, after.Time);
            var entryNo = Tie(after, EntryRank) == 0 ? Cursor.Long(after.Key) : 0;
            entries = Tie(after, EntryRank) switch
            {
                < 0 => entries.Where(e => e.Date < d || (e.Date == d && e.TimeOfInteraction <= t)),
                > 0 => entries.Where(e => e.Date < d || (e.Date == d && e.TimeOfInteraction < t)),
                _ => entries.Where(e => e.Date < d || (e.Date == d && (e.TimeOfInteraction < t
                    || (e.TimeOfInteraction == t && e.EntryNo < entryNo)))),
            };
        }
        var rows = await entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo)
            .Take(take + 1)
            .Select(e => new EntryRow(e.EntryNo, e.ContactNo, e.Date, e.TimeOfInteraction, e.InteractionTemplateCode, e.Description, e.Subject,
                e.SalespersonCode, e.UserId, e.InformationFlow, e.Evaluation, e.AttemptFailed, e.Canceled, e.AttachmentNo != null,
                e.DocumentType, e.DocumentNo, e.HasComments))
            .ToListAsync(ct);
        return rows.Select((e, i) => new Row(e.Date, e.Time, EntryRank, e.EntryNo.ToString(CultureInfo.InvariantCulture), i, e));
    }

    private sealed record EntryRow(long EntryNo, string ContactNo, DateOnly Date, TimeOnly Time, string TemplateCode, string Description,
        string? Subject, string? SalespersonCode, string UserId, InformationFlow InformationFlow, Evaluation Evaluation, bool AttemptFailed,
        bool Canceled, bool HasLetter, DocumentType DocumentType, string? DocumentNo, bool HasComments);

    private async Task<IEnumerable<Row>> NotesAsync(Scope scope, After? after, int take, CancellationToken ct)
    {
        var notes = db.ContactNotes.AsNoTracking();
        if (scope.PersonNo is { } person)
        {
            notes = notes.Where(n => n.ContactNo == person);
        }
        else if (scope.Company)
        {
            // A company's Company No. is its own, so this is the company and every person of it.
            var contacts = db.Contacts.Where(c => c.CompanyNo == scope.ContactNo).Select(c => c.No);
            notes = notes.Where(n => contacts.Contains(n.ContactNo));
        }
        else
        {
            notes = notes.Where(n => n.ContactNo == scope.ContactNo);
        }
        if (after is not null)
        {
            var (d, t) = (after.Date, after.Time);
            var lineNo = Tie(after, NoteRank) == 0 ? Cursor.Long(after.Key) : 0;
            notes = Tie(after, NoteRank) switch
            {
                < 0 => notes.Where(n => n.Date < d || (n.Date == d && n.Time <= t)),
                > 0 => notes.Where(n => n.Date < d || (n.Date == d && n.Time < t)),
                _ => notes.Where(n => n.Date < d || (n.Date == d && (n.Time < t || (n.Time == t && n.LineNo < lineNo)))),
            };
        }
        var rows = await notes.OrderByDescending(n => n.Date).ThenByDescending(n => n.Time).ThenByDescending(n => n.LineNo).Take(take + 1)
            .ToListAsync(ct);
        return rows.Select((n, i) => new Row(n.Date, n.Time, NoteRank, n.LineNo.ToString(CultureInfo.InvariantCulture), i, n.ToDto()));
    }

    private IQueryable<Opportunities.Opportunity> Opportunities(Scope scope) =>
        scope.PersonNo is { } person ? db.Opportunities.AsNoTracking().Where(o => o.ContactNo == person)
            // A company's own opportunities have its no. as their Contact Company No. too.
            : scope.Company ? db.Opportunities.AsNoTracking().Where(o => o.ContactCompanyNo == scope.ContactNo)
            : db.Opportunities.AsNoTracking().Where(o => o.ContactNo == scope.ContactNo);

    private async Task<IEnumerable<Row>> CreatedOpportunitiesAsync(Scope scope, After? after, int take, CancellationToken ct)
    {
        var opportunities = Opportunities(scope);
        if (after is not null)
        {
            // An opportunity has no time of day: it stands at midnight, below every timed item of its day.
            var d = after.Date;
            var k = after.Key;
            opportunities = (TimeOnly.MinValue.CompareTo(after.Time), Tie(after, CreatedRank)) switch
            {
                ( < 0, _) or (0, < 0) => opportunities.Where(o => o.CreationDate <= d),
                ( > 0, _) or (0, > 0) => opportunities.Where(o => o.CreationDate < d),
                _ => opportunities.Where(o => o.CreationDate < d || (o.CreationDate == d && string.Compare(o.No, k) < 0)),
            };
        }
        var rows = await opportunities.OrderByDescending(o => o.CreationDate).ThenByDescending(o => o.No).Take(take + 1).ToListAsync(ct);
        return rows.Select((o, i) => new Row(o.CreationDate, TimeOnly.MinValue, CreatedRank, o.No, i, o));
    }

    private async Task<IEnumerable<Row>> ClosedOpportunitiesAsync(Scope scope, After? after, int take, CancellationToken ct)
    {
        // Opportunities closed before their closing date was kept have none: their created item shows them closed.
        var opportunities = Opportunities(scope).Where(o => o.Closed && o.DateClosed != null);
        if (after is not null)
        {
            var d = after.Date;
            var k = after.Key;
            opportunities = (TimeOnly.MinValue.CompareTo(after.Time), Tie(after, ClosedRank)) switch
            {
                ( < 0, _) or (0, < 0) => opportunities.Where(o => o.DateClosed <= d),
                ( > 0, _) or (0, > 0) => opportunities.Where(o => o.DateClosed < d),
                _ => opportunities.Where(o => o.DateClosed < d || (o.DateClosed == d && string.Compare(o.No, k) < 0)),
            };
        }
        var rows = await opportunities.OrderByDescending(o => o.DateClosed).ThenByDescending(o => o.No).Take(take + 1).ToListAsync(ct);
        return rows.Select((o, i) => new Row(o.DateClosed!.Value, TimeOnly.MinValue, ClosedRank, o.No, i, new ClosedOpportunity(o)));
    }

    private sealed record ClosedOpportunity(Opportunities.Opportunity Opportunity);

    /// <summary>The names the page shows (templates, salespeople, contacts) and the entries' comments, read once per page.</summary>
    private async Task<List<TimelineItemDto>> DescribeAsync(List<Row> page, CancellationToken ct)
    {
        var entries = page.Select(r => r.Source).OfType<EntryRow>().ToList();
        var opportunities = page.Select(r => r.Source switch
        {
            Opportunities.Opportunity o => o,
            ClosedOpportunity closed => closed.Opportunity,
            _ => null,
        }).OfType<Opportunities.Opportunity>().ToList();

        var templateCodes = entries.Select(e => e.TemplateCode).Distinct().ToList();
        var templates = templateCodes.Count == 0 ? [] : await db.InteractionTemplates.AsNoTracking().Where(t => templateCodes.Contains(t.Code))
            .ToDictionaryAsync(t => t.Code, t => t.Description, ct);
        var salespersonCodes = entries.Select(e => e.SalespersonCode).Concat(opportunities.Select(o => o.SalespersonCode))
            .OfType<string>().Distinct().ToList();
        var salespeople = salespersonCodes.Count == 0 ? [] : await db.Salespeople.AsNoTracking().Where(s => salespersonCodes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var contactNos = entries.Select(e => e.ContactNo).Concat(opportunities.Select(o => o.ContactNo)).Distinct().ToList();
        var contacts = contactNos.Count == 0 ? [] : await db.Contacts.AsNoTracking().Where(c => contactNos.Contains(c.No))
            .ToDictionaryAsync(c => c.No, c => c.Name, ct);
        var commented = entries.Where(e => e.HasComments).Select(e => e.EntryNo).ToList();
        var comments = commented.Count == 0 ? [] : (await db.InteractionLogEntryComments.AsNoTracking().Where(c => commented.Contains(c.EntryNo))
            .OrderBy(c => c.EntryNo).ThenBy(c => c.LineNo).ToListAsync(ct))
            .GroupBy(c => c.EntryNo)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<InteractionLogEntryCommentDto>)[.. g.Select(c => new InteractionLogEntryCommentDto(
                c.LineNo, c.Date == InteractionLogEntryComment.NoDate ? null : c.Date, c.Comment,
                c.LastDateModified == InteractionLogEntryComment.NoDate ? null : c.LastDateModified))]);

        string? Name(Dictionary<string, string> names, string? code) => code is not null && names.TryGetValue(code, out var name) ? name : null;
        TimelineOpportunityDto Opportunity(Opportunities.Opportunity o) => new(o.No, o.Description, o.ContactNo, Name(contacts, o.ContactNo),
            o.SalespersonCode, Name(salespeople, o.SalespersonCode), o.Closed);

        return [.. page.Select(r => r.Source switch
        {
            EntryRow e => new TimelineItemDto(e.DocumentType == DocumentType.None ? TimelineKind.Interaction : TimelineKind.Document, r.Date,
                r.Time, new TimelineEntryDto(e.EntryNo, e.ContactNo, Name(contacts, e.ContactNo), e.TemplateCode, Name(templates, e.TemplateCode),
                    e.Description, e.Subject, e.SalespersonCode, Name(salespeople, e.SalespersonCode), e.UserId, e.InformationFlow, e.Evaluation,
                    e.AttemptFailed, e.Canceled, e.HasLetter, e.DocumentType, e.DocumentNo, comments.GetValueOrDefault(e.EntryNo) ?? []),
                null, null),
            ContactNoteDto n => new TimelineItemDto(TimelineKind.Note, r.Date, r.Time, null, n, null),
            Opportunities.Opportunity o => new TimelineItemDto(TimelineKind.OpportunityCreated, r.Date, r.Time, null, null, Opportunity(o)),
            ClosedOpportunity closed => new TimelineItemDto(TimelineKind.OpportunityClosed, r.Date, r.Time, null, null,
                Opportunity(closed.Opportunity)),
            _ => throw new InvalidOperationException("Unknown timeline row."),
        })];
    }
}
