using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Touchpoint.Core;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Opportunities;
using Touchpoint.Persistence;
using Touchpoint.Persistence.PostgreSql;
using Touchpoint.Persistence.Sqlite;

namespace Touchpoint.Benchmarks.Contacts;

// Synthetic data: a plain seeded Random, so that it is the same every time.
#pragma warning disable CA5394

/// <summary>
/// The contact card's timeline at the server (benchmarks/contact-timeline.sh): a company with 50 persons and 10,000
/// entries among the demo company's year of history, 200 notes and 20 opportunities; then the first screen (25 items)
/// of the company's feed through <see cref="GetContactTimeline"/>, a fresh DI scope per call as a request has, next to
/// the bare SQL that reads the same 25 rows (one UNION ALL of the four sources, no names) over ADO.NET.
/// </summary>
public static class ContactTimelineLoad
{
    public const string CompanyNo = "TLCO";
    private const int Persons = 50;
    private const int Entries = 10_000;
    private const int Notes = 200;
    private const int Opportunities = 20;
    private const int PageSize = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["contact-timeline", var provider, var connectionString, var runs])
        {
            await Console.Error.WriteLineAsync("usage: contact-timeline sqlite|postgres CONNECTION RUNS");
            return 2;
        }
        await using var services = Services(provider, connectionString);
        await FillAsync(services);
        await MeasureAsync(services, provider, connectionString, int.Parse(runs, CultureInfo.InvariantCulture));
        return 0;
    }

    private static ServiceProvider Services(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Touchpoint:Database:Provider"] = provider,
            ["ConnectionStrings:Touchpoint"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddTouchpointPersistence(configuration, [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider()]);
        services.AddTouchpointUseCases();
        return services.BuildServiceProvider();
    }

    private static async Task FillAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITouchpointDb>();
        if (await db.Contacts.AnyAsync(c => c.No == CompanyNo))
        {
            Console.WriteLine($"{CompanyNo} is there already: measuring only.");
            return;
        }
        var watch = Stopwatch.StartNew();
        var template = await db.InteractionTemplates.Where(t => t.Code == "OUTGOING").Select(t => t.Code).SingleAsync();
        var salesperson = await db.Salespeople.OrderBy(s => s.Code).Select(s => s.Code).FirstAsync();
        var now = TimeProvider.System.GetUtcNow();
        var contacts = new List<Contact>();
        for (var i = 0; i <= Persons; i++)
        {
            var no = i == 0 ? CompanyNo : string.Create(CultureInfo.InvariantCulture, $"TLP{i:D3}");
            var errors = new FieldErrors();
            var contact = Contact.Create(no, new ContactFields
            {
                Type = i == 0 ? ContactType.Company : ContactType.Person,
                Name = i == 0 ? "Timeline Trading Ltd" : string.Create(CultureInfo.InvariantCulture, $"Person {i} of Timeline"),
                CompanyNo = i == 0 ? null : CompanyNo,
                SalespersonCode = salesperson,
            }, i == 0 ? null : contacts[0], now, errors);
            errors.ThrowIfAny();
            contact.AssignNo(no);
            contacts.Add(contact);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }

        // Three years of weekdays, at working hours; every fifth a document (a sales invoice), one in twenty canceled later.
        var random = new Random(5065);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var log = scope.ServiceProvider.GetRequiredService<LogInteraction>();
        for (var batch = 0; batch < Entries / 1000; batch++)
        {
            var lines = Enumerable.Range(0, 1000).Select(i =>
            {
                var contact = contacts[random.Next(contacts.Count)];
                var n = batch * 1000 + i;
                var document = n % 5 == 0;
                return new LineToLog
                {
                    UserId = "bench",
                    Checked = true,
                    Line = new InteractionLine
                    {
                        ContactNo = contact.No, ContactCompanyNo = CompanyNo, InteractionTemplateCode = template, SalespersonCode = salesperson,
                        Date = today.AddDays(-random.Next(3 * 365)), TimeOfInteraction = new TimeOnly(8 + random.Next(10), random.Next(60)),
                        Description = document ? string.Create(CultureInfo.InvariantCulture, $"Invoice SI-{n}") : "Follow-up call",
                        InformationFlow = InformationFlow.Outbound,
                        DocumentType = document ? DocumentType.SalesInvoice : DocumentType.None,
                        DocumentNo = document ? string.Create(CultureInfo.InvariantCulture, $"SI-{n}") : null,
                        Comments = n % 10 == 1 ? ["Asked for the price list"] : [],
                    },
                };
            }).ToList();
            await log.HandleAsync(lines);
        }
        var canceled = await db.InteractionLogEntries.Where(e => e.ContactCompanyNo == CompanyNo && e.EntryNo % 20 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Canceled, true));

        for (var i = 0; i < Notes; i++)
        {
            var errors = new FieldErrors();
            db.ContactNotes.Add(ContactNote.Create(contacts[random.Next(contacts.Count)].No, "Talked about next year's order.",
                today.AddDays(-random.Next(3 * 365)), "bench", now, errors));
        }
        await db.SaveChangesAsync();
        var create = scope.ServiceProvider.GetRequiredService<CreateOpportunity>();
        for (var i = 0; i < Opportunities; i++)
        {
            await create.HandleAsync(null, new OpportunityFields
            {
                Description = "Framework agreement", ContactNo = contacts[random.Next(contacts.Count)].No, SalespersonCode = salesperson,
                Closed = i % 2 == 0,
            });
        }
        // As autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would after such a load: the planners know the new rows.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Made {CompanyNo} with {Persons} persons, {Entries:N0} entries ({canceled} canceled), {Notes} notes, {Opportunities} opportunities in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task MeasureAsync(ServiceProvider services, string provider, string connectionString, int runs)
    {
        var entries = await CountAsync(services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: the whole log holds {entries:N0} entries; {runs} measured rounds after 20 warm-up rounds, the cases called in turn in each round"));
        var deep = await DeepCursorAsync(services);
        var sql = BareSql(provider);
        var cases = new (string Name, Func<Task<int>> Call)[]
        {
            ("app: first screen (25) of the company with its 50 persons", () => PageAsync(services, new TimelineQuery { ContactNo = CompanyNo, Limit = PageSize })),
            ("app: a page (25) 4,000 items down the same feed", () => PageAsync(services, new TimelineQuery { ContactNo = CompanyNo, Limit = PageSize, Cursor = deep })),
            ("app: first screen (25) of one person", () => PageAsync(services, new TimelineQuery { ContactNo = "TLP001", Limit = PageSize })),
            ("bare SQL: the same 26 rows as the first screen (no names)", () => BareAsync(provider, connectionString, sql)),
        };
        // In turn, so that every case meets the same load on a shared machine.
        var times = cases.Select(_ => new List<double>(runs)).ToList();
        for (var round = -20; round < runs; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await cases[c].Call() == 0)
                {
                    throw new InvalidOperationException("The call read no rows: the data is not there.");
                }
                if (round >= 0)
                {
                    times[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
        for (var c = 0; c < cases.Length; c++)
        {
            times[c].Sort();
            Report(cases[c].Name, times[c]);
        }
        Console.WriteLine();
        Console.WriteLine("Plan of the bare SQL:");
        await ExplainAsync(provider, connectionString, sql);
    }

    private static async Task<int> PageAsync(ServiceProvider services, TimelineQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GetContactTimeline>().HandleAsync(query)).Value.Count;
    }

    private static async Task<int> BareAsync(string provider, string connectionString, string sql)
    {
        await using var connection = provider == "postgres" ? new NpgsqlConnection(connectionString) : (DbConnection)new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }
        return rows;
    }

    private static void AddParameters(DbCommand command)
    {
        foreach (var (name, value) in new (string, object)[] { ("company", CompanyNo), ("postponed", false) })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }

    private static async Task<int> CountAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITouchpointDb>().InteractionLogEntries.CountAsync();
    }

    private static async Task<string> DeepCursorAsync(ServiceProvider services)
    {
        string? cursor = null;
        for (var i = 0; i < 4; i++)
        {
            await using var scope = services.CreateAsyncScope();
            cursor = (await scope.ServiceProvider.GetRequiredService<GetContactTimeline>()
                .HandleAsync(new TimelineQuery { ContactNo = CompanyNo, Limit = 1000, Cursor = cursor })).NextCursor;
        }
        return cursor!;
    }

    // The same rows the feed's first screen reads: each source's newest 26 by its index, merged, cut to 26.
    private static string BareSql(string provider)
    {
        var midnight = provider == "postgres" ? "TIME '00:00:00'" : "'00:00:00'";
                return $"""
            SELECT * FROM (
              SELECT * FROM (SELECT "Date" AS d, "TimeOfInteraction" AS t, 3 AS r, CAST("EntryNo" AS TEXT) AS k FROM "InteractionLogEntries"
                WHERE "ContactCompanyNo" = @company AND "Postponed" = @postponed
                ORDER BY "Date" DESC, "TimeOfInteraction" DESC, "EntryNo" DESC LIMIT 26) AS e
              UNION ALL
              SELECT * FROM (SELECT "Date", "Time", 2, CAST("LineNo" AS TEXT) FROM "ContactNotes"
                WHERE "ContactNo" IN (SELECT "No" FROM "Contacts" WHERE "CompanyNo" = @company)
                ORDER BY "Date" DESC, "Time" DESC, "LineNo" DESC LIMIT 26) AS n
              UNION ALL
              SELECT * FROM (SELECT "CreationDate", {midnight}, 0, "No" FROM "Opportunities" WHERE "ContactCompanyNo" = @company
                ORDER BY "CreationDate" DESC, "No" DESC LIMIT 26) AS o
              UNION ALL
              SELECT * FROM (SELECT "DateClosed", {midnight}, 1, "No" FROM "Opportunities" WHERE "ContactCompanyNo" = @company AND "Closed" AND "DateClosed" IS NOT NULL
                ORDER BY "DateClosed" DESC, "No" DESC LIMIT 26) AS c
            ) AS feed ORDER BY d DESC, t DESC, r DESC LIMIT 26
            """;
    }

    private static async Task ExplainAsync(string provider, string connectionString, string sql)
    {
        await using var connection = provider == "postgres" ? new NpgsqlConnection(connectionString) : (DbConnection)new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (provider == "postgres" ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN QUERY PLAN ") + sql;
        AddParameters(command);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
    }

    private static void Report(string what, List<double> sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-75} median {sorted[sorted.Count / 2],7:F2} ms  P95 {sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1],7:F2} ms  max {sorted[^1],7:F2} ms"));
}
