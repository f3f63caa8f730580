using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Benchmarks.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;

namespace Touchpoint.Benchmarks.Interactions;

/// <summary>
/// <c>… Touchpoint.Benchmarks.dll explain-log</c>: runs each case of <see cref="InteractionLogBenchmarks"/> once on
/// the interaction log's SQLite file and prints the SQL EF Core sent with SQLite's EXPLAIN QUERY PLAN for it.
/// </summary>
public static class ExplainInteractionLog
{
    public static async Task RunAsync()
    {
        var explain = new ExplainListContacts.ExplainInterceptor(BenchmarkDatabase.Sqlite);
        await using var services = InteractionLogBenchmarks.Services(
            s => s.ConfigureDbContext<TouchpointDbContext>(o => o.AddInterceptors(explain)));
        await InteractionLogBenchmarks.PickAsync(services);
        (string Name, Func<IServiceProvider, Task> Run)[] cases =
        [
            ("first page of a person's entries", sp => sp.GetRequiredService<ListInteractionLogEntries>()
                .HandleAsync(new InteractionLogEntryFilter { ContactNo = InteractionLogBenchmarks.PersonNo, Limit = 50 })),
            ("first page of a company with its persons", sp => sp.GetRequiredService<ListInteractionLogEntries>()
                .HandleAsync(new InteractionLogEntryFilter { ContactCompanyNo = InteractionLogBenchmarks.CompanyNo, Limit = 50 })),
            ("first page of failed deliveries", sp => sp.GetRequiredService<ListInteractionLogEntries>()
                .HandleAsync(new InteractionLogEntryFilter { DeliveryStatus = DeliveryStatusFilter.Error, Limit = 50 })),
            ("first page of delivered entries", sp => sp.GetRequiredService<ListInteractionLogEntries>()
                .HandleAsync(new InteractionLogEntryFilter { DeliveryStatus = DeliveryStatusFilter.Delivered, Limit = 50 })),
            ("failed deliveries counted (the home page)", sp => sp.GetRequiredService<ListInteractionLogEntries>()
                .CountAsync(new InteractionLogEntryFilter { DeliveryStatus = DeliveryStatusFilter.Error })),
            ("statistics of a person", sp => sp.GetRequiredService<InteractionStatistics>().ForContactAsync(InteractionLogBenchmarks.PersonNo, null, null)),
            ("statistics of a company", sp => sp.GetRequiredService<InteractionStatistics>().ForContactAsync(InteractionLogBenchmarks.CompanyNo, null, null)),
            ("statistics of the most used template", sp => sp.GetRequiredService<InteractionStatistics>().ForTemplateAsync(InteractionLogBenchmarks.TemplateCode, null, null)),
            ("statistics of the most used group", sp => sp.GetRequiredService<InteractionStatistics>().ForGroupAsync(InteractionLogBenchmarks.GroupCode, null, null)),
        ];
        foreach (var (name, run) in cases)
        {
            Console.WriteLine($"=== sqlite: {name}");
            explain.Enabled = true;
            await using var scope = services.CreateAsyncScope();
            await run(scope.ServiceProvider);
            explain.Enabled = false;
        }
    }
}
