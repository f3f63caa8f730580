using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

/// <summary>A language a line can be written in, with the file and subject it brings.</summary>
public sealed record SegmentLanguageOption(string LanguageCode, string Description, string Subject, long? AttachmentNo);

/// <summary>
/// What rule 65 chose for one line: its language and where its attachment comes from, and the languages it could
/// have had (for a form's choice). <see cref="CopyFromTemplate"/>: the line has a template other than the header's,
/// so it gets line-level copies of that template's languages (rule 40) when the plan is carried out.
/// </summary>
public sealed record SegmentLinePlan(bool TemplateChanged, bool CopyFromTemplate, IReadOnlyList<string> LanguageCodes);

/// <summary>
/// The rules that keep segment languages (BC table 5104) and the lines that use them in step (rules 39, 40, 65, 66):
/// copying a template's languages with copies of their files, the language a line takes, and the lines that follow
/// the header. The callers hold the transaction.
/// </summary>
public sealed class SegmentLanguages(ITouchpointDb db, AttachmentStore attachments)
{
    /// <summary>The languages at one level: the header's (line no. 0) or one line's own.</summary>
    public IQueryable<SegmentInteractionLanguage> At(string segmentNo, int lineNo) =>
        db.SegmentInteractionLanguages.Where(s => s.SegmentNo == segmentNo && s.SegmentLineNo == lineNo);

    /// <summary>
    /// Lines that inherit the header's languages: they have the header's template and no language of their own.
    /// </summary>
    public IQueryable<SegmentLine> Inheriting(SegmentHeader header)
    {
        var (no, template) = (header.No, header.InteractionTemplateCode);
        return db.SegmentLines.Where(l => l.SegmentNo == no && l.InteractionTemplateCode == template
            && !db.SegmentInteractionLanguages.Any(s => s.SegmentNo == no && s.SegmentLineNo == l.LineNo));
    }

    /// <summary>
    /// Rules 39–40: a template's languages become segment languages at the level given, each with a copy of its
    /// attachment (a row over the same stored bytes) and the subject given.
    /// </summary>
    public async Task<List<SegmentInteractionLanguage>> CopyTemplateLanguagesAsync(string segmentNo, int lineNo, string? templateCode, string subject,
        CancellationToken ct)
    {
        if (templateCode is null)
        {
            return [];
        }
        var sources = await db.InteractionTemplateLanguages.AsNoTracking().Where(t => t.InteractionTemplateCode == templateCode).ToListAsync(ct);
        var copies = new List<(InteractionTemplateLanguage Source, Attachment? Copy)>();
        foreach (var source in sources.OrderBy(s => s.LanguageCode, StringComparer.Ordinal))
        {
            copies.Add((source, source.AttachmentNo is { } no ? await attachments.CopyAsync(no, readOnly: false, ct) : null));
        }
        // The copies' numbers come from the database.
        await db.SaveChangesAsync(ct);
        var languages = copies.Select(c => new SegmentInteractionLanguage(segmentNo, lineNo, c.Source.LanguageCode, c.Source.Description, subject, c.Copy?.No)).ToList();
        db.SegmentInteractionLanguages.AddRange(languages);
        await db.SaveChangesAsync(ct);
        return languages;
    }

    /// <summary>Removes segment languages, then the attachments they had that nothing uses any more.</summary>
    public async Task RemoveAsync(IQueryable<SegmentInteractionLanguage> languages, CancellationToken ct)
    {
        var nos = await languages.Where(l => l.AttachmentNo != null).Select(l => l.AttachmentNo!.Value).ToListAsync(ct);
        await languages.ExecuteDeleteAsync(ct);
        await RemoveUnusedAsync(nos, ct);
    }

    /// <summary>The attachments given that no segment language and no segment line uses any more go.</summary>
    public async Task RemoveUnusedAsync(IEnumerable<long> attachmentNos, CancellationToken ct)
    {
        foreach (var no in attachmentNos.Distinct())
        {
            if (!await db.SegmentInteractionLanguages.AnyAsync(s => s.AttachmentNo == no, ct) && !await db.SegmentLines.AnyAsync(l => l.AttachmentNo == no, ct))
            {
                await attachments.RemoveAsync(no, ct);
            }
        }
    }

    /// <summary>
    /// Rules 39–40 and 65 for many lines at once (a segment may hold 100,000): each of <paramref name="lines"/> takes
    /// its contact's language when the header has a segment language for it, else the header's default, and that
    /// language's attachment (and, with <paramref name="withSubject"/>, its subject). Two UPDATEs: the second reads
    /// the language the first wrote.
    /// </summary>
    public async Task FollowHeaderAsync(SegmentHeader header, IQueryable<SegmentLine> lines, bool withSubject, CancellationToken ct)
    {
        var headerLanguages = At(header.No, SegmentInteractionLanguage.HeaderLevel);
        var defaultLanguage = header.LanguageCodeDefault;
        await lines.ExecuteUpdateAsync(set => set.SetProperty(l => l.LanguageCode, l => headerLanguages
            .Where(s => s.LanguageCode == db.Contacts.Where(c => c.No == l.ContactNo).Select(c => c.LanguageCode).FirstOrDefault())
            .Select(s => s.LanguageCode).FirstOrDefault() ?? defaultLanguage), ct);
        await lines.ExecuteUpdateAsync(set => set.SetProperty(l => l.AttachmentNo, l => headerLanguages
            .Where(s => s.LanguageCode == l.LanguageCode).Select(s => s.AttachmentNo).FirstOrDefault()), ct);
        if (withSubject)
        {
            var subject = header.SubjectDefault;
            await lines.ExecuteUpdateAsync(set => set.SetProperty(l => l.Subject, l => headerLanguages
                .Where(s => s.LanguageCode == l.LanguageCode && s.Subject != "").Select(s => s.Subject).FirstOrDefault() ?? subject), ct);
        }
    }

    /// <summary>
    /// Rule 65 for one line after <see cref="SegmentLine.Apply"/>: with a new template, the line takes the language
    /// of its contact, else the default, else the first (its template's languages when it is not the header's, the
    /// header's segment languages when it is); a languageCode sent is checked against the languages the line can
    /// have and wins. The line takes the chosen language's attachment and subject. Nothing is written here.
    /// </summary>
    public async Task<SegmentLinePlan> PlanAsync(SegmentHeader header, SegmentLine line, Contact? contact, InteractionTemplate? template,
        bool templateChanged, Optional<string?> languageCode, FieldErrors errors, CancellationToken ct)
    {
        var code = languageCode.IsSet
            ? errors.MaxLength("languageCode", Codes.Normalize(languageCode.Value), SegmentHeader.LanguageCodeLength)
            : null;
        var inherits = line.InteractionTemplateCode == header.InteractionTemplateCode;
        var copyFromTemplate = templateChanged && !inherits && template is not null;
        var templateLanguages = line.InteractionTemplateCode is { } templateCode
            ? await db.InteractionTemplateLanguages.AsNoTracking().Where(t => t.InteractionTemplateCode == templateCode)
                .Select(t => new SegmentLanguageOption(t.LanguageCode, t.Description, "", t.AttachmentNo)).ToListAsync(ct)
            : [];
        // A new template replaces the line's own languages; its copies are the template's.
        var own = copyFromTemplate ? templateLanguages
            : templateChanged ? []
            : await Options(At(line.SegmentNo, line.LineNo)).ToListAsync(ct);
        var inherited = inherits ? await Options(At(header.No, SegmentInteractionLanguage.HeaderLevel)).ToListAsync(ct) : [];
        SegmentLanguageOption? Find(string? language) =>
            language is null ? null : own.Find(o => o.LanguageCode == language) ?? inherited.Find(o => o.LanguageCode == language);

        if (languageCode.IsSet && !errors.Has("languageCode"))
        {
            var chosen = Find(code);
            if (code is not null && chosen is null && templateLanguages.All(t => t.LanguageCode != code))
            {
                errors.Add("languageCode", Messages.Get("SegmentLineLanguageUnknown", code, line.InteractionTemplateCode ?? "", line.LineNo));
            }
            line.UseLanguage(code, chosen?.AttachmentNo, Subject(chosen));
        }
        else if (templateChanged)
        {
            var chosen = inherits
                ? Find(contact?.LanguageCode) ?? Find(header.LanguageCodeDefault)
                : Find(contact?.LanguageCode) ?? Find(template?.LanguageCodeDefault) ?? own.OrderBy(o => o.LanguageCode, StringComparer.Ordinal).FirstOrDefault();
            line.UseLanguage(chosen?.LanguageCode ?? (inherits ? header.LanguageCodeDefault : null), chosen?.AttachmentNo, Subject(chosen));
        }
        var codes = own.Concat(inherited).Concat(templateLanguages).Select(o => o.LanguageCode).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SegmentLinePlan(templateChanged, copyFromTemplate, codes);
    }

    /// <summary>
    /// Carries out a plan once the line is valid: a new template's line-level copies replace the line's own languages
    /// (whose attachments go), and the line takes its language's copy.
    /// </summary>
    public async Task WriteAsync(SegmentLinePlan plan, SegmentLine line, CancellationToken ct)
    {
        if (!plan.TemplateChanged)
        {
            return;
        }
        // The line no longer points at its old copies, so they can go.
        await db.SaveChangesAsync(ct);
        await RemoveAsync(At(line.SegmentNo, line.LineNo), ct);
        if (plan.CopyFromTemplate)
        {
            var copies = await CopyTemplateLanguagesAsync(line.SegmentNo, line.LineNo, line.InteractionTemplateCode, line.Subject, ct);
            line.UseLanguage(line.LanguageCode, copies.Find(c => c.LanguageCode == line.LanguageCode)?.AttachmentNo, null);
        }
    }

    /// <summary>
    /// The lines that use a segment language: for the header level the inheriting lines in that language, for a line
    /// level that line when it is in that language.
    /// </summary>
    public IQueryable<SegmentLine> LinesUsing(SegmentHeader header, int lineNo, string languageCode) =>
        lineNo == SegmentInteractionLanguage.HeaderLevel
            ? Inheriting(header).Where(l => l.LanguageCode == languageCode)
            : db.SegmentLines.Where(l => l.SegmentNo == header.No && l.LineNo == lineNo && l.LanguageCode == languageCode);

    /// <summary>The segment and, for a line level, its line; 404 when either is missing.</summary>
    public async Task<(SegmentHeader Header, SegmentLine? Line)> LevelAsync(string segmentNo, int lineNo, CancellationToken ct)
    {
        var header = await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        if (lineNo == SegmentInteractionLanguage.HeaderLevel)
        {
            return (header, null);
        }
        var line = await db.SegmentLines.FirstOrDefaultAsync(l => l.SegmentNo == segmentNo && l.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        return (header, line);
    }

    /// <summary>One segment language, tracked; 404 when the segment, the line or the language is missing.</summary>
    public async Task<(SegmentHeader Header, SegmentLine? Line, SegmentInteractionLanguage Language)> FindAsync(string segmentNo, int lineNo,
        string languageCode, CancellationToken ct)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        languageCode = Codes.Normalize(languageCode) ?? "";
        var (header, line) = await LevelAsync(segmentNo, lineNo, ct);
        var language = await At(segmentNo, lineNo).FirstOrDefaultAsync(s => s.LanguageCode == languageCode, ct)
            ?? throw DomainException.NotFound(NotFound(segmentNo, lineNo, languageCode));
        return (header, line, language);
    }

    public static string NotFound(string segmentNo, int lineNo, string languageCode) =>
        lineNo == SegmentInteractionLanguage.HeaderLevel
            ? Messages.Get("SegmentLanguageNotFound", segmentNo, languageCode)
            : Messages.Get("SegmentLineLanguageNotFound", segmentNo, languageCode, lineNo);

    private static string? Subject(SegmentLanguageOption? option) => string.IsNullOrEmpty(option?.Subject) ? null : option.Subject;

    private static IQueryable<SegmentLanguageOption> Options(IQueryable<SegmentInteractionLanguage> languages) =>
        languages.AsNoTracking().Select(s => new SegmentLanguageOption(s.LanguageCode, s.Description, s.Subject, s.AttachmentNo));
}
