using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;

namespace Touchpoint.Benchmarks.Interactions;

/// <summary>
/// The interaction log's work at the server, SQLite only: the ListInteractionLogEntries and InteractionStatistics
/// handlers in a fresh DI scope (a new DbContext, a pooled connection), as one API request runs them, without HTTP,
/// sign-in and JSON. The database (TOUCHPOINT_BENCH_SQLITE_LOG) is made by benchmarks/interaction-log.sh:
/// <c>touchpoint demo seed</c>, then <c>touchpoint demo generate --contacts 100000 --entries 1000000</c> (seed 5050).
/// The contact, company, template and group are picked from the database in <see cref="SetupAsync"/>.
/// </summary>
[WarmupCount(3)]
[IterationCount(20)]
public class InteractionLogBenchmarks
{
    private ServiceProvider _services = null!;

    /// <summary>A person of <see cref="CompanyNo"/>, the one with the most entries.</summary>
    public static string PersonNo { get; private set; } = "";

    /// <summary>The company with the most entries (its own and its persons') among those whose persons have entries.</summary>
    public static string CompanyNo { get; private set; } = "";

    /// <summary>The most used template and the most used group over the whole log.</summary>
    public static string TemplateCode { get; private set; } = "";
    public static string GroupCode { get; private set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = Services();
        await PickAsync(_services);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();

    [Benchmark(Description = "first page (50) of a person's entries")]
    public Task<Page<InteractionLogEntryDto>> PersonFirstPage() =>
        ListAsync(new InteractionLogEntryFilter { ContactNo = PersonNo, Limit = 50 });

    [Benchmark(Description = "first page (50) of a company with its persons")]
    public Task<Page<InteractionLogEntryDto>> CompanyFirstPage() =>
        ListAsync(new InteractionLogEntryFilter { ContactCompanyNo = CompanyNo, Limit = 50 });

    // The generated log has no deliveries: every entry is outside the delivery index, the case a scan would take longest.
    [Benchmark(Description = "first page (50) of failed deliveries")]
    public Task<Page<InteractionLogEntryDto>> FailedDeliveriesFirstPage() =>
        ListAsync(new InteractionLogEntryFilter { DeliveryStatus = DeliveryStatusFilter.Error, Limit = 50 });

    [Benchmark(Description = "statistics of a person")]
    public Task<ContactStatisticsDto> PersonStatistics() =>
        StatisticsAsync(s => s.ForContactAsync(PersonNo, null, null));

    [Benchmark(Description = "statistics of a company with its persons")]
    public Task<ContactStatisticsDto> CompanyStatistics() =>
        StatisticsAsync(s => s.ForContactAsync(CompanyNo, null, null));

    [Benchmark(Description = "statistics of the most used template, whole log")]
    public Task<InteractionStatisticsDto> TemplateStatistics() =>
        StatisticsAsync(s => s.ForTemplateAsync(TemplateCode, null, null));

    [Benchmark(Description = "statistics of the most used group, whole log")]
    public Task<InteractionStatisticsDto> GroupStatistics() =>
        StatisticsAsync(s => s.ForGroupAsync(GroupCode, null, null));

    private async Task<Page<InteractionLogEntryDto>> ListAsync(InteractionLogEntryFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListInteractionLogEntries>().HandleAsync(filter);
    }

    private async Task<T> StatisticsAsync<T>(Func<InteractionStatistics, Task<T>> run)
    {
        await using var scope = _services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<InteractionStatistics>());
    }

    /// <summary>The app's registrations, pointed at the interaction log's SQLite file.</summary>
    public static ServiceProvider Services(Action<IServiceCollection>? more = null) =>
        BenchmarkDatabase.Services(BenchmarkDatabase.Sqlite, more, BenchmarkDatabase.SqliteLogPath);

    /// <summary>Reads the cases' contact, company, template and group from the database (not timed).</summary>
    public static async Task PickAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDbContext>();
        var entries = db.InteractionLogEntries.AsNoTracking();
        var count = await entries.CountAsync();
        if (count < BenchmarkDatabase.ExpectedLogEntries)
        {
            throw new InvalidOperationException(
                $"The interaction log has {count:N0} entries, not {BenchmarkDatabase.ExpectedLogEntries:N0}: run benchmarks/interaction-log.sh, which prepares it.");
        }
        var companies = db.Contacts.Where(c => c.Type == ContactType.Company).Select(c => c.No);
        CompanyNo = await entries
            .Where(e => e.ContactCompanyNo != null && companies.Contains(e.ContactCompanyNo))
            .GroupBy(e => e.ContactCompanyNo)
            .Where(g => g.Any(e => e.ContactNo != g.Key))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key!)
            .FirstAsync();
        PersonNo = await entries
            .Where(e => e.ContactCompanyNo == CompanyNo && e.ContactNo != CompanyNo)
            .GroupBy(e => e.ContactNo)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .FirstAsync();
        TemplateCode = await entries.GroupBy(e => e.InteractionTemplateCode)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        GroupCode = await entries.GroupBy(e => e.InteractionGroupCode)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var personEntries = await entries.CountAsync(e => e.ContactNo == PersonNo);
        var companyEntries = await entries.CountAsync(e => e.ContactCompanyNo == CompanyNo);
        var templateEntries = await entries.CountAsync(e => e.InteractionTemplateCode == TemplateCode);
        var groupEntries = await entries.CountAsync(e => e.InteractionGroupCode == GroupCode);
        Console.WriteLine($"// {count:N0} entries; person {PersonNo}: {personEntries:N0}; company {CompanyNo} with its persons: {companyEntries:N0}; " +
            $"template {TemplateCode}: {templateEntries:N0}; group {GroupCode}: {groupEntries:N0}");
    }
}
