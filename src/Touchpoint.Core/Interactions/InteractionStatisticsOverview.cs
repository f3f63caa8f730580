using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>One month of the overview; <c>Month</c> is <c>yyyy-MM</c>.</summary>
public sealed record MonthStatisticsDto(string Month, int NoOfInteractions, decimal CostLcy, decimal DurationMin);

public sealed record GroupStatisticsDto(string Code, string Description, int NoOfInteractions, decimal CostLcy, decimal DurationMin);

/// <summary>The template's current group and description; both are empty once the template has been deleted.</summary>
public sealed record TemplateStatisticsDto(string Code, string Description, string? InteractionGroupCode, int NoOfInteractions, decimal CostLcy, decimal DurationMin);

public sealed record InteractionStatisticsOverviewDto(
    int NoOfInteractions,
    decimal CostLcy,
    decimal DurationMin,
    IReadOnlyList<MonthStatisticsDto> ByMonth,
    IReadOnlyList<GroupStatisticsDto> ByGroup,
    IReadOnlyList<TemplateStatisticsDto> ByTemplate);

/// <summary>
/// The interaction statistics of the whole log (rules 7 and 26: only entries neither canceled nor postponed count)
/// by month, by interaction group and by interaction template, within an optional date range. Everything is summed
/// in the database from <see cref="InteractionTotal"/>, whose rows are per code and day, so the cost follows the
/// number of codes and days in the range, not the number of entries. Every counted entry has exactly one group and one
/// template, so the month figures and the overall total come from the group rows alone. Months, groups and templates
/// without a counted entry in the range are left out.
/// </summary>
public sealed class InteractionStatisticsOverview(ITouchpointDb db)
{
    public async Task<InteractionStatisticsOverviewDto> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        CheckRange(from, to);
        var byMonth = await ByMonthAsync(from, to, ct);
        var byGroup = await ByGroupAsync(from, to, ct);
        var byTemplate = await ByTemplateAsync(from, to, ct);
        return new InteractionStatisticsOverviewDto(byMonth.Sum(m => m.NoOfInteractions), byMonth.Sum(m => m.CostLcy), byMonth.Sum(m => m.DurationMin),
            byMonth, byGroup, byTemplate);
    }

    /// <summary>Sorted by month, oldest first.</summary>
    public async Task<IReadOnlyList<MonthStatisticsDto>> ByMonthAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        CheckRange(from, to);
        // Summed per day in SQL and into months here: PostgreSQL keeps 9999-12-31 and 0001-01-01 (valid dates, written
        // by Npgsql as ±infinity) as dates that date_part() cannot turn into a year.
        var days = await Rows(InteractionTotalKey.Group, from, to)
            .GroupBy(r => r.Date)
            .Select(g => new
            {
                Date = g.Key,
                Count = g.Sum(r => r.NoOfInteractions),
                Cost = g.Sum(r => (decimal)r.CostLcyHundredths),
                Duration = g.Sum(r => (decimal)r.DurationMinHundredths),
            })
            .ToListAsync(ct);
        return days.GroupBy(d => (d.Date.Year, d.Date.Month))
            .Select(g => (Month: g.Key, Count: g.Sum(d => d.Count), Cost: g.Sum(d => d.Cost), Duration: g.Sum(d => d.Duration)))
            .Where(m => m.Count != 0)
            .OrderBy(m => m.Month)
            .Select(m => new MonthStatisticsDto(string.Create(CultureInfo.InvariantCulture, $"{m.Month.Year:D4}-{m.Month.Month:D2}"), (int)m.Count,
                InteractionTotals.FromHundredths(m.Cost), InteractionTotals.FromHundredths(m.Duration)))
            .ToList();
    }

    /// <summary>Sorted by No. of Interactions, most first, then by code.</summary>
    public async Task<IReadOnlyList<GroupStatisticsDto>> ByGroupAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        CheckRange(from, to);
        var sums = await SumByCodeAsync(InteractionTotalKey.Group, from, to, ct);
        var codes = sums.Select(s => s.Code).ToList();
        var descriptions = await db.InteractionGroups.AsNoTracking().Where(g => codes.Contains(g.Code))
            .ToDictionaryAsync(g => g.Code, g => g.Description, ct);
        return Sorted(sums).Select(s => new GroupStatisticsDto(s.Code, descriptions.GetValueOrDefault(s.Code) ?? "", (int)s.Count,
            InteractionTotals.FromHundredths(s.Cost), InteractionTotals.FromHundredths(s.Duration))).ToList();
    }

    /// <summary>Sorted by No. of Interactions, most first, then by code.</summary>
    public async Task<IReadOnlyList<TemplateStatisticsDto>> ByTemplateAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        CheckRange(from, to);
        var sums = await SumByCodeAsync(InteractionTotalKey.Template, from, to, ct);
        var codes = sums.Select(s => s.Code).ToList();
        var templates = await db.InteractionTemplates.AsNoTracking().Where(t => codes.Contains(t.Code))
            .Select(t => new { t.Code, t.Description, t.InteractionGroupCode })
            .ToDictionaryAsync(t => t.Code, ct);
        return Sorted(sums).Select(s =>
        {
            var template = templates.GetValueOrDefault(s.Code);
            return new TemplateStatisticsDto(s.Code, template?.Description ?? "", template?.InteractionGroupCode, (int)s.Count,
                InteractionTotals.FromHundredths(s.Cost), InteractionTotals.FromHundredths(s.Duration));
        }).ToList();
    }

    private IQueryable<InteractionTotal> Rows(InteractionTotalKey key, DateOnly? from, DateOnly? to)
    {
        var rows = db.InteractionTotals.AsNoTracking().Where(t => t.Key == key);
        if (from is { } f)
        {
            rows = rows.Where(t => t.Date >= f);
        }
        if (to is { } t)
        {
            rows = rows.Where(r => r.Date <= t);
        }
        return rows;
    }

    private async Task<List<CodeSum>> SumByCodeAsync(InteractionTotalKey key, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var sums = await Rows(key, from, to)
            .GroupBy(r => r.Code)
            .Select(g => new
            {
                Code = g.Key,
                Count = g.Sum(r => r.NoOfInteractions),
                Cost = g.Sum(r => (decimal)r.CostLcyHundredths),
                Duration = g.Sum(r => (decimal)r.DurationMinHundredths),
            })
            .Where(s => s.Count != 0)
            .ToListAsync(ct);
        return sums.Select(s => new CodeSum(s.Code, s.Count, s.Cost, s.Duration)).ToList();
    }

    // Sorted here rather than in SQL: the databases' collations order codes differently, the list is short.
    private static IEnumerable<CodeSum> Sorted(IEnumerable<CodeSum> sums) =>
        sums.OrderByDescending(s => s.Count).ThenBy(s => s.Code, StringComparer.Ordinal);

    private static void CheckRange(DateOnly? from, DateOnly? to)
    {
        if (from > to)
        {
            throw DomainException.Invalid("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
    }

    private sealed record CodeSum(string Code, long Count, decimal Cost, decimal Duration);
}
