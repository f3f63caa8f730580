using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

public sealed record SavedSegmentCriteriaDto(string Code, string Description, int NoOfActions);

/// <summary>BC table 5098 Saved Segment Criteria: a segment's criteria actions kept under a code to run again.</summary>
public sealed class SavedSegmentCriteria
{
    public const int CodeLength = 20;
    public const int DescriptionLength = 100;

    private SavedSegmentCriteria()
    {
    }

    public string Code { get; private set; } = "";
    public string Description { get; private set; } = "";

    public static SavedSegmentCriteria Create(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>BC table 5099 Saved Segment Criteria Line: one saved action, in the order it was taken.</summary>
public sealed class SavedSegmentCriteriaLine
{
    private SavedSegmentCriteriaLine()
    {
    }

    public string Code { get; private set; } = "";
    public int LineNo { get; private set; }
    public SegmentCriteriaKind Kind { get; private set; }
    public string Filter { get; private set; } = "";
    public bool AllowExistingContacts { get; private set; }

    public static SavedSegmentCriteriaLine From(string code, SegmentCriteriaAction action) => new()
    {
        Code = code,
        LineNo = action.ActionNo,
        Kind = action.Kind,
        Filter = action.Filter,
        AllowExistingContacts = action.AllowExistingContacts,
    };
}

public sealed class SaveSegmentCriteria(ITouchpointDb db, ApplySegmentCriteria apply)
{
    public async Task<SavedSegmentCriteriaDto> SaveAsync(string segmentNo, string? code, string? description, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var errors = new FieldErrors();
        var normalized = Codes.Normalize(code);
        if (normalized is null)
        {
            errors.Add("code", Messages.Get("FieldRequired", Messages.Field("code")));
        }
        normalized = errors.MaxLength("code", normalized, SavedSegmentCriteria.CodeLength);
        var text = errors.MaxLength("description", description?.Trim(), SavedSegmentCriteria.DescriptionLength) ?? "";
        errors.ThrowIfAny();
        if (await db.SavedSegmentCriteria.AnyAsync(s => s.Code == normalized, ct))
        {
            throw DomainException.Conflict(Messages.Get("SavedSegmentCriteriaExists", normalized!), "code");
        }
        var actions = await db.SegmentCriteriaActions.AsNoTracking().Where(a => a.SegmentNo == segmentNo).OrderBy(a => a.ActionNo).ToListAsync(ct);
        if (actions.Count == 0)
        {
            throw DomainException.Conflict(Messages.Get("SegmentNoCriteriaToSave", segmentNo));
        }
        db.SavedSegmentCriteria.Add(SavedSegmentCriteria.Create(normalized!, text));
        db.SavedSegmentCriteriaLines.AddRange(actions.Select(a => SavedSegmentCriteriaLine.From(normalized!, a)));
        await db.SaveChangesAsync(ct);
        return new SavedSegmentCriteriaDto(normalized!, text, actions.Count);
    }

    /// <summary>
    /// Runs the saved actions on the segment in their order, each recorded as if taken by hand (so each can be undone
    /// on its own, as in BC).
    /// </summary>
    public async Task ReuseAsync(string segmentNo, string? code, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await SegmentLineRules.HeaderAsync(db, segmentNo, ct);
        var normalized = Codes.Normalize(code)
            ?? throw DomainException.Invalid("code", Messages.Get("FieldRequired", Messages.Field("code")));
        if (!await db.SavedSegmentCriteria.AnyAsync(s => s.Code == normalized, ct))
        {
            throw DomainException.NotFound(Messages.Get("SavedSegmentCriteriaNotFound", normalized));
        }
        var lines = await db.SavedSegmentCriteriaLines.AsNoTracking().Where(l => l.Code == normalized).OrderBy(l => l.LineNo).ToListAsync(ct);
        foreach (var line in lines)
        {
            var criteria = JsonSerializer.Deserialize<ContactCriteria>(line.Filter, SegmentCriteriaAction.FilterJson) ?? new ContactCriteria();
            if (line.Kind == SegmentCriteriaKind.Add)
            {
                await apply.AddAsync(segmentNo, criteria, line.AllowExistingContacts, ct);
            }
            else
            {
                await apply.RemoveAsync(segmentNo, criteria, keepMatching: line.Kind == SegmentCriteriaKind.Refine, ct);
            }
        }
    }

    public async Task<IReadOnlyList<SavedSegmentCriteriaDto>> ListAsync(CancellationToken ct = default) =>
        await db.SavedSegmentCriteria.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new SavedSegmentCriteriaDto(s.Code, s.Description, db.SavedSegmentCriteriaLines.Count(l => l.Code == s.Code)))
            .ToListAsync(ct);
}
