using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Core.Segments;

/// <summary>Which contacts a criteria action takes; every field left null matches every contact.</summary>
public sealed record ContactCriteria
{
    public IReadOnlyList<string>? ContactNos { get; init; }
    public ContactType? Type { get; init; }
    public string? CompanyNo { get; init; }
    public string? SalespersonCode { get; init; }
    public string? LanguageCode { get; init; }
    public string? CountryRegionCode { get; init; }
    public string? City { get; init; }
    public string? PostCode { get; init; }
    public string? Search { get; init; }
    public InteractionCriteria? Interactions { get; init; }
}

/// <summary>Contacts with at least one logged (not canceled, not postponed) interaction of this kind in the period.</summary>
public sealed record InteractionCriteria
{
    public string? InteractionTemplateCode { get; init; }
    public string? InteractionGroupCode { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
}

public sealed record CriteriaAddedDto(int Added);

public sealed record CriteriaRemovedDto(int Removed);

/// <summary>What a criteria filter would take: the contacts it matches (not privacy-blocked), and those of them not in the segment yet.</summary>
public sealed record CriteriaCountDto(int Matching, int New);

/// <summary>
/// BC's Add/Reduce/Refine Contacts on a segment, each one set-based statement: a segment of 100,000 contacts is filled
/// in well under a second, where a line-by-line loop through EF takes minutes.
/// </summary>
public sealed class ApplySegmentCriteria(ITouchpointDb db)
{
    private const string LineColumns = """
        "SegmentNo", "LineNo", "ContactNo", "ContactCompanyNo", "InteractionTemplateCode", "InteractionGroupCode",
        "Description", "Subject", "LanguageCode", "CorrespondenceType", "CostLcy", "DurationMin", "Date", "TimeOfInteraction",
        "Evaluation", "AttemptFailed", "CampaignNo", "CampaignTarget", "CampaignResponse", "SalespersonCode", "OpportunityNo",
        "InformationFlow", "InitiatedBy", "AttachmentNo"
        """;

    /// <summary>
    /// Adds a line per matching contact that is not privacy-blocked, inheriting the header as <see cref="SegmentLine.Inherit"/>
    /// does (rule 40: the language, attachment and subject of the header-level segment language as a join, rule 15 as a CASE). Contacts already in the segment are skipped: BC's
    /// "Allow Existing Contacts" would add them a second time, which the one-line-per-contact key forbids here, so
    /// <paramref name="allowExistingContacts"/> only states that skipping them is expected.
    /// </summary>
    public async Task<CriteriaAddedDto> AddAsync(string segmentNo, ContactCriteria criteria, bool allowExistingContacts, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        Validate(criteria);
        // In the caller's transaction when it has one (the demo company is made in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var lastLineNo = await db.SegmentLines.Where(l => l.SegmentNo == segmentNo).MaxAsync(l => (int?)l.LineNo, ct) ?? 0;
        var parameters = new List<object> { segmentNo, lastLineNo };
        var where = Where(criteria, parameters);
        var added = await InsertLinesAsync(db, segmentNo, lastLineNo, where, parameters.Skip(2), ct);
        var action = SegmentCriteriaAction.Record(segmentNo, await NextActionNoAsync(segmentNo, ct), SegmentCriteriaKind.Add,
            criteria, allowExistingContacts, added, lastLineNo + SegmentLine.LineNoStep, lastLineNo + (added * SegmentLine.LineNoStep));
        db.SegmentCriteriaActions.Add(action);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        Forget(action);
        return new CriteriaAddedDto(added);
    }

    /// <summary>
    /// How many contacts <paramref name="criteria"/> matches, and how many of them an add would bring in, without
    /// changing the segment: the number a user sees before choosing Add, Reduce or Refine. Matching is what an add
    /// considers (contacts not privacy-blocked); the difference is the lines a reduce removes and a refine keeps.
    /// </summary>
    public async Task<CriteriaCountDto> CountAsync(string segmentNo, ContactCriteria criteria, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        Validate(criteria);
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var parameters = new List<object> { segmentNo };
        var where = Where(criteria, parameters);
        var sql = $$"""
            SELECT COUNT(*) AS "Matching",
                COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM "SegmentLines" x WHERE x."SegmentNo" = {0} AND x."ContactNo" = c."No")
                    THEN 1 ELSE 0 END), 0) AS "New"
            FROM "Contacts" c
            WHERE c."PrivacyBlocked" = FALSE AND {{where}}
            """;
        var counts = (await db.Database.SqlQueryRaw<CountRow>(sql, [.. parameters]).ToListAsync(ct)).Single();
        return new CriteriaCountDto((int)counts.Matching, (int)counts.New);
    }

    private sealed record CountRow(long Matching, long New);

    /// <summary>
    /// The one statement that adds a line per matching contact (not privacy-blocked, not in the segment yet), numbered
    /// after <paramref name="lastLineNo"/>. <paramref name="where"/> is SQL over contact alias c, whose values are
    /// parameters from {2} on (<paramref name="parameters"/>); {0} is the segment, {1} the last line no.
    /// </summary>
    internal static Task<int> InsertLinesAsync(ITouchpointDb db, string segmentNo, int lastLineNo, string where, IEnumerable<object> parameters,
        CancellationToken ct)
    {
        var sql = $$"""
            INSERT INTO "SegmentLines" ({{LineColumns}})
            SELECT h."No", {1} + {{SegmentLine.LineNoStep}} * ROW_NUMBER() OVER (ORDER BY c."No"), c."No", c."CompanyNo",
                h."InteractionTemplateCode", h."InteractionGroupCode", h."Description",
                COALESCE(NULLIF(sl."Subject", ''), h."SubjectDefault"),
                COALESCE(sl."LanguageCode", h."LanguageCodeDefault"),
                CASE WHEN h."IgnoreContactCorresType" AND h."CorrespondenceTypeDefault" <> 0 THEN h."CorrespondenceTypeDefault"
                    WHEN t."Code" IS NOT NULL AND (t."IgnoreContactCorresType"
                        OR (c."CorrespondenceType" = 0 AND t."CorrespondenceTypeDefault" <> 0)) THEN t."CorrespondenceTypeDefault"
                    WHEN c."CorrespondenceType" <> 0 THEN c."CorrespondenceType"
                    ELSE h."CorrespondenceTypeDefault" END,
                h."UnitCostLcy", h."UnitDurationMin", h."Date", NULL, 0, FALSE, h."CampaignNo", h."CampaignTarget",
                h."CampaignResponse", h."SalespersonCode", NULL, h."InformationFlow", h."InitiatedBy", sl."AttachmentNo"
            FROM "Contacts" c
            JOIN "SegmentHeaders" h ON h."No" = {0}
            LEFT JOIN "InteractionTemplates" t ON t."Code" = h."InteractionTemplateCode"
            LEFT JOIN "SegmentInteractionLanguages" sl ON sl."SegmentNo" = h."No" AND sl."SegmentLineNo" = 0
                AND sl."LanguageCode" = COALESCE((SELECT cl."LanguageCode" FROM "SegmentInteractionLanguages" cl
                    WHERE cl."SegmentNo" = h."No" AND cl."SegmentLineNo" = 0 AND cl."LanguageCode" = c."LanguageCode"), h."LanguageCodeDefault")
            WHERE c."PrivacyBlocked" = FALSE
                AND NOT EXISTS (SELECT 1 FROM "SegmentLines" x WHERE x."SegmentNo" = h."No" AND x."ContactNo" = c."No")
                AND {{where}}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [segmentNo, lastLineNo, .. parameters], ct);
    }

    /// <summary>Reduce removes the lines whose contact matches; refine keeps only those.</summary>
    public async Task<CriteriaRemovedDto> RemoveAsync(string segmentNo, ContactCriteria criteria, bool keepMatching, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        Validate(criteria);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var actionNo = await NextActionNoAsync(segmentNo, ct);
        var action = SegmentCriteriaAction.Record(segmentNo, actionNo, keepMatching ? SegmentCriteriaKind.Refine : SegmentCriteriaKind.Reduce,
            criteria, false, 0);
        db.SegmentCriteriaActions.Add(action);
        await db.SaveChangesAsync(ct);
        var parameters = new List<object> { segmentNo, actionNo };
        var where = Where(criteria, parameters);
        var matching = $$"""
            "SegmentNo" = {0}
                AND {{(keepMatching ? "NOT " : "")}}EXISTS (SELECT 1 FROM "Contacts" c WHERE c."No" = "SegmentLines"."ContactNo" AND {{where}})
            """;
        var keep = $$"""
            INSERT INTO "SegmentHistoryLines" ("ActionNo", {{LineColumns}})
            SELECT {1}, {{LineColumns}} FROM "SegmentLines" WHERE {{matching}}
            """;
        await db.Database.ExecuteSqlRawAsync(keep, parameters, ct);
        var delete = $"""DELETE FROM "SegmentLines" WHERE {matching}""";
        var removed = await db.Database.ExecuteSqlRawAsync(delete, parameters, ct);
        await db.SegmentCriteriaActions.Where(a => a.SegmentNo == segmentNo && a.ActionNo == actionNo)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NoOfLines, removed), ct);
        await transaction.CommitAsync(ct);
        Forget(action);
        return new CriteriaRemovedDto(removed);
    }

    /// <summary>
    /// A recorded action is not tracked on: reusing saved criteria records several in one context, and an undo in
    /// another request meanwhile may free the number of one, which the next then takes (two tracked with one key).
    /// </summary>
    private void Forget(SegmentCriteriaAction action) => db.SegmentCriteriaActions.Entry(action).State = EntityState.Detached;

    /// <summary>
    /// Undoes the last action: an add's lines go (those still there), a reduce's or refine's lines come back as they
    /// were, except a contact that was added to the segment again since.
    /// </summary>
    public async Task UndoAsync(string segmentNo, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var action = await db.SegmentCriteriaActions.Where(a => a.SegmentNo == segmentNo).OrderByDescending(a => a.ActionNo).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(Messages.Get("SegmentNoCriteriaToUndo", segmentNo));
        if (action.Kind == SegmentCriteriaKind.Add)
        {
            if (action is { FirstLineNo: { } first, LastLineNo: { } last })
            {
                await db.SegmentLines.Where(l => l.SegmentNo == segmentNo && l.LineNo >= first && l.LineNo <= last).ExecuteDeleteAsync(ct);
            }
        }
        else
        {
            const string restore = $$"""
                INSERT INTO "SegmentLines" ({{LineColumns}})
                SELECT {{LineColumns}} FROM "SegmentHistoryLines" h
                WHERE h."SegmentNo" = {0} AND h."ActionNo" = {1}
                    AND NOT EXISTS (SELECT 1 FROM "SegmentLines" l WHERE l."SegmentNo" = h."SegmentNo"
                        AND (l."LineNo" = h."LineNo" OR l."ContactNo" = h."ContactNo"))
                """;
            await db.Database.ExecuteSqlRawAsync(restore, [segmentNo, action.ActionNo], ct);
        }
        db.SegmentCriteriaActions.Remove(action);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<SegmentCriteriaActionDto>> ListAsync(string segmentNo, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var actions = await db.SegmentCriteriaActions.AsNoTracking().Where(a => a.SegmentNo == segmentNo).OrderBy(a => a.ActionNo).ToListAsync(ct);
        return actions.Select(a => a.ToDto()).ToList();
    }

    private async Task<int> NextActionNoAsync(string segmentNo, CancellationToken ct) =>
        (await db.SegmentCriteriaActions.Where(a => a.SegmentNo == segmentNo).MaxAsync(a => (int?)a.ActionNo, ct) ?? 0) + 1;

    private static void Validate(ContactCriteria criteria)
    {
        if (criteria.Interactions is { DateFrom: { } from, DateTo: { } to } && from > to)
        {
            throw DomainException.Invalid("filter.interactions.dateTo",
                Messages.Get("CriteriaDateToBeforeDateFrom", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The filter as SQL over contact alias c; values go in as parameters, never into the text.</summary>
    private static string Where(ContactCriteria criteria, List<object> parameters)
    {
        string P(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1) + "}";
        }
        var sql = new StringBuilder("1 = 1");
        if (criteria.ContactNos is { } nos)
        {
            var normalized = nos.Select(Codes.Normalize).OfType<string>().Distinct().ToList();
            sql.Append(normalized.Count == 0 ? " AND 1 = 0" : $" AND c.\"No\" IN ({string.Join(", ", normalized.Select(P))})");
        }
        if (criteria.Type is { } type)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND c.\"Type\" = {P((int)type)}");
        }
        // BC's filter expressions (A|B, A..B, *son, <>DK, ''); a plain value is an exact match, as it always was.
        Filter("CompanyNo", criteria.CompanyNo, FilterFieldType.Code, "companyNo");
        Filter("SalespersonCode", criteria.SalespersonCode, FilterFieldType.Code, "salespersonCode");
        Filter("LanguageCode", criteria.LanguageCode, FilterFieldType.Code, "languageCode");
        Filter("CountryRegionCode", criteria.CountryRegionCode, FilterFieldType.Code, "countryRegionCode");
        Filter("City", criteria.City, FilterFieldType.Text, "city");
        Filter("PostCode", criteria.PostCode, FilterFieldType.Text, "postCode");
        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            // As the contact list's search: every word somewhere in the upper-cased SearchText.
            foreach (var word in criteria.Search.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var escaped = word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
                sql.Append(CultureInfo.InvariantCulture, $" AND c.\"SearchText\" LIKE '%' || {P(escaped)} || '%' ESCAPE '\\'");
            }
        }
        if (criteria.Interactions is { } interactions)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM \"InteractionLogEntries\" e WHERE e.\"ContactNo\" = c.\"No\"");
            sql.Append(" AND e.\"Canceled\" = FALSE AND e.\"Postponed\" = FALSE");
            Filter("InteractionTemplateCode", interactions.InteractionTemplateCode, FilterFieldType.Code, "interactions.interactionTemplateCode", "e");
            Filter("InteractionGroupCode", interactions.InteractionGroupCode, FilterFieldType.Code, "interactions.interactionGroupCode", "e");
            if (interactions.DateFrom is { } from)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND e.\"Date\" >= {P(from)}");
            }
            if (interactions.DateTo is { } to)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND e.\"Date\" <= {P(to)}");
            }
            sql.Append(')');
        }
        return sql.ToString();

        void Filter(string column, string? value, FilterFieldType type, string field, string alias = "c")
        {
            if (FilterExpression.Parse(value, type, "filter." + field) is { } filter)
            {
                sql.Append(" AND ").Append(filter.ToSql($"{alias}.\"{column}\"", P));
            }
        }
    }
}
