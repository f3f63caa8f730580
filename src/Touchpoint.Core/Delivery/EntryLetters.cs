using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// The letter of one entry as it is delivered: a Word letter merged for the entry's contact, salesperson and the
/// sender company (rule 49), any other file as it is.
/// </summary>
public sealed record EntryLetter(long EntryNo, string FileName, string FileExtension, string ContentType, byte[] Content, bool Merged);

/// <summary>An entry with what delivering it needs: its contact, its salesperson and its letter (none without an attachment).</summary>
public sealed record EntryToDeliver(InteractionLogEntry Entry, Contact? Contact, Salesperson? Salesperson, EntryLetter? Letter);

/// <summary>
/// The merged letters of entries, from their read-only attachment copies (rule 44). For one entry (a preview, a PDF) or
/// for many (delivery), read with one query per kind for all of them; a letter is parsed once per content
/// (<see cref="WordLetterCache"/>) and merged per entry.
/// </summary>
public sealed class EntryLetters(ITouchpointDb db, WordLetterCache letters, IOptions<CompanyOptions> company)
{
    // A query's IN list stays well below the databases' parameter limits.
    private const int PerQuery = 5000;

    /// <summary>The letter of one entry; 404 when the entry does not exist or has no attachment.</summary>
    public async Task<EntryLetter> ForEntryAsync(long entryNo, CancellationToken ct = default)
    {
        var found = await ForEntriesAsync([entryNo], ct);
        if (found.Count == 0)
        {
            throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        }
        return found[0].Letter ?? throw DomainException.NotFound(Messages.Get("EntryHasNoAttachment", entryNo));
    }

    /// <summary>The entries that exist of <paramref name="entryNos"/>, in that order, each with its contact, salesperson and letter.</summary>
    public async Task<IReadOnlyList<EntryToDeliver>> ForEntriesAsync(IReadOnlyCollection<long> entryNos, CancellationToken ct = default)
    {
        var entries = await ByKeyAsync(entryNos, chunk => db.InteractionLogEntries.AsNoTracking().Where(e => chunk.Contains(e.EntryNo)), e => e.EntryNo, ct);
        var contacts = await ByKeyAsync(entries.Values.Select(e => e.ContactNo),
            chunk => db.Contacts.AsNoTracking().Where(c => chunk.Contains(c.No)), c => c.No, ct);
        var salespeople = await ByKeyAsync(entries.Values.Select(e => e.SalespersonCode).OfType<string>(),
            chunk => db.Salespeople.AsNoTracking().Where(s => chunk.Contains(s.Code)), s => s.Code, ct);
        var attachments = await ByKeyAsync(entries.Values.Select(e => e.AttachmentNo).OfType<long>(),
            chunk => db.Attachments.AsNoTracking().Where(a => chunk.Contains(a.No)), a => a.No, ct);
        // Entries of a logged segment share one copy, and copies of one file share its content: read each content once.
        var contents = await ByKeyAsync(attachments.Values.Select(a => a.ContentHash),
            chunk => db.AttachmentContents.AsNoTracking().Where(c => chunk.Contains(c.Hash)).Select(c => new { c.Hash, c.Content }), c => c.Hash, ct);

        var result = new List<EntryToDeliver>(entries.Count);
        foreach (var entryNo in entryNos)
        {
            if (!entries.TryGetValue(entryNo, out var entry))
            {
                continue;
            }
            var contact = contacts.GetValueOrDefault(entry.ContactNo);
            var salesperson = entry.SalespersonCode is null ? null : salespeople.GetValueOrDefault(entry.SalespersonCode);
            EntryLetter? letter = null;
            if (entry.AttachmentNo is { } no && attachments.TryGetValue(no, out var attachment)
                && contents.TryGetValue(attachment.ContentHash, out var content))
            {
                letter = await LetterAsync(entry, attachment, content.Content, contact, salesperson, ct);
            }
            result.Add(new EntryToDeliver(entry, contact, salesperson, letter));
        }
        return result;
    }

    private async Task<EntryLetter> LetterAsync(InteractionLogEntry entry, Attachment attachment, byte[] content, Contact? contact,
        Salesperson? salesperson, CancellationToken ct)
    {
        if (!attachment.IsWordDocument || contact is null)
        {
            return new EntryLetter(entry.EntryNo, attachment.FileName, attachment.FileExtension, attachment.ContentType, content, Merged: false);
        }
        var letter = await letters.GetAsync(attachment.ContentHash, attachment.FileName, _ => Task.FromResult(content), ct);
        var merged = letter.Merge(MergeValues.For(MergeEntry.From(entry), contact, salesperson, company.Value));
        return new EntryLetter(entry.EntryNo, attachment.FileName, attachment.FileExtension, AttachmentStore.WordContentType, merged, Merged: true);
    }

    /// <summary>Rows by their keys, each key read once, in queries of at most <see cref="PerQuery"/> keys.</summary>
    private static async Task<Dictionary<TKey, T>> ByKeyAsync<TKey, T>(IEnumerable<TKey> keys, Func<TKey[], IQueryable<T>> rows, Func<T, TKey> key,
        CancellationToken ct)
        where TKey : notnull
    {
        var found = new Dictionary<TKey, T>();
        foreach (var chunk in keys.Distinct().Chunk(PerQuery))
        {
            foreach (var row in await rows(chunk).ToListAsync(ct))
            {
                found[key(row)] = row;
            }
        }
        return found;
    }
}
