using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Segments;

/// <summary>Creates a segment; its template's languages come with it, each with a copy of its attachment (rule 39).</summary>
public sealed class CreateSegment(ITouchpointDb db, NoSeriesManagement noSeries, SegmentLanguages languages, TimeProvider clock, IUserSetup users)
{
    /// <summary>Creates the segment; a salesperson not given is the user's (rule 37).</summary>
    public async Task<SegmentDto> HandleAsync(string? no, SegmentFields fields, string? userId, CancellationToken ct = default)
    {
        if (!fields.SalespersonCode.IsSet)
        {
            fields = fields with { SalespersonCode = await DefaultSalespersonCodeAsync(userId, ct) };
        }
        var errors = new FieldErrors();
        var segmentNo = errors.MaxLength("no", Codes.Normalize(no), SegmentHeader.NoLength);
        var template = await SegmentRules.TemplateAsync(db, fields, errors, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var segment = SegmentHeader.Create(segmentNo ?? "", today, fields, template, errors);
        await SegmentRules.CheckAsync(db, segment, fields, errors, ct);
        errors.ThrowIfAny();
        if (segmentNo is not null)
        {
            if (await db.SegmentHeaders.AnyAsync(s => s.No == segmentNo, ct))
            {
                throw DomainException.Conflict(Messages.Get("SegmentExists", segmentNo), "no");
            }
        }
        else
        {
            segmentNo = await noSeries.GetNextNoAsync(NoSeriesLine.Segments, n => db.SegmentHeaders.AnyAsync(s => s.No == n, ct), ct);
        }
        segment.AssignNo(segmentNo);
        // In the caller's transaction when it has one (the demo company is made in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.SegmentHeaders.Add(segment);
        await db.SaveChangesAsync(ct);
        await languages.CopyTemplateLanguagesAsync(segmentNo, SegmentInteractionLanguage.HeaderLevel, segment.InteractionTemplateCode, segment.SubjectDefault, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return segment.ToDto();
    }

    /// <summary>Rule 37: a new segment's salesperson is the one of the user's setup.</summary>
    public async Task<string?> DefaultSalespersonCodeAsync(string? userId, CancellationToken ct = default) =>
        Codes.Normalize((await users.FindAsync(userId, ct))?.SalespersonCode);
}
