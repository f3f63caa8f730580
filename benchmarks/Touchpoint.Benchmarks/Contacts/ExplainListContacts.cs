using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Contacts;
using Touchpoint.Persistence;

namespace Touchpoint.Benchmarks.Contacts;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Touchpoint.Benchmarks -- explain</c>: runs each benchmarked query
/// once and prints the SQL EF Core sent with the database's plan for it (SQLite EXPLAIN QUERY PLAN; PostgreSQL
/// EXPLAIN ANALYZE), to find out why a case is slow.
/// </summary>
public static class ExplainListContacts
{
    public static async Task RunAsync()
    {
        foreach (var database in BenchmarkDatabase.Available())
        {
            var explain = new ExplainInterceptor(database);
            await using var services = BenchmarkDatabase.Services(database,
                s => s.ConfigureDbContext<TouchpointDbContext>(o => o.AddInterceptors(explain)));
            await BenchmarkDatabase.RequireContactsAsync(services, database);
            (string Name, ContactListQuery Query)[] cases =
            [
                ("first page, no search", new ContactListQuery()),
                ($"first page, common term \"{ListContactsBenchmarks.CommonTerm}\"", new ContactListQuery { Search = ListContactsBenchmarks.CommonTerm }),
                ($"first page, rare term \"{ListContactsBenchmarks.RareTerm}\"", new ContactListQuery { Search = ListContactsBenchmarks.RareTerm }),
            ];
            foreach (var (name, query) in cases)
            {
                Console.WriteLine($"=== {database}: {name}");
                explain.Enabled = true;
                await using var scope = services.CreateAsyncScope();
                var page = await scope.ServiceProvider.GetRequiredService<ListContacts>().HandleAsync(query);
                explain.Enabled = false;
                Console.WriteLine($"--- {page.Value.Count} rows on the page");
            }
        }
    }

    internal sealed class ExplainInterceptor(string database) : DbCommandInterceptor
    {
        public bool Enabled { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Console.WriteLine(command.CommandText);
                foreach (DbParameter p in command.Parameters)
                {
                    Console.WriteLine($"  {p.ParameterName} = '{p.Value}'");
                }
                await using var plan = command.Connection!.CreateCommand();
                plan.Transaction = command.Transaction;
                plan.CommandText = (database == BenchmarkDatabase.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + command.CommandText;
                foreach (DbParameter p in command.Parameters)
                {
                    var copy = plan.CreateParameter();
                    copy.ParameterName = p.ParameterName;
                    copy.Value = p.Value;
                    copy.DbType = p.DbType;
                    plan.Parameters.Add(copy);
                }
                await using var reader = await plan.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    Console.WriteLine("  plan: " + reader.GetValue(reader.FieldCount - 1));
                }
            }
            return result;
        }
    }
}
