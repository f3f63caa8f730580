using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;

namespace Touchpoint.Benchmarks.Search;

/// <summary>
/// The global search (GET /api/v1/search) at the server, on the database benchmarks/global-search.sh fills with
/// 1,000,000 contacts: the GlobalSearch handler in a fresh DI scope, as one request runs it (without HTTP, sign-in and
/// JSON), beside the bare queries: the same SQL statements the handler sent for that search (captured once), run with
/// plain ADO.NET on one open connection, rows read and dropped. The difference is what EF Core, DI and the handler's
/// own work add.
/// </summary>
public class GlobalSearchBenchmarks
{
    private ServiceProvider _services = null!;
    private AsyncServiceScope _bareScope;
    private DbConnection _bare = null!;
    private List<DbCommand> _commands = [];
    private string _term = "";

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Databases() => BenchmarkDatabase.Available();

    /// <summary>
    /// What is typed: a surname (mid-frequent), a phone fragment (rare), a common fragment, two letters (too short for
    /// the trigram indexes), a contact no. and a word in no contact.
    /// </summary>
    [Params("andersson", "31415", "son", "an", "no.", "zqxw")]
    public string Typed { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var capture = new CaptureInterceptor();
        _services = BenchmarkDatabase.Services(Database, s => s.ConfigureDbContext<TouchpointDbContext>(o => o.AddInterceptors(capture)));
        await BenchmarkDatabase.RequireContactsAsync(_services, Database);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDbContext>();
            // A contact in the middle of the numbers.
            _term = Typed == "no." ? await db.Contacts.OrderBy(c => c.No).Skip(500_000).Select(c => c.No).FirstAsync() : Typed;
        }
        capture.Enabled = true;
        await SearchAsync();
        capture.Enabled = false;
        // One connection held open for the whole run, opened as the app opens it (SQLite's own functions and pragmas),
        // and used without EF: the bare path.
        _bareScope = _services.CreateAsyncScope();
        var context = _bareScope.ServiceProvider.GetRequiredService<TouchpointDbContext>();
        await context.Database.OpenConnectionAsync();
        _bare = context.Database.GetDbConnection();
        _commands = [.. capture.Commands.Select(c =>
        {
            var command = _bare.CreateCommand();
            command.CommandText = c.Text;
            foreach (var (name, value, type) in c.Parameters)
            {
                var p = command.CreateParameter();
                (p.ParameterName, p.Value, p.DbType) = (name, value, type);
                command.Parameters.Add(p);
            }
            return command;
        })];
        Console.WriteLine($"// {Database} \"{_term}\": {_commands.Count} statements");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _bareScope.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Benchmark(Description = "GlobalSearch handler")]
    public Task<GlobalSearchResult> Handler() => SearchAsync();

    [Benchmark(Description = "bare: the same SQL, ADO.NET")]
    public async Task<int> Bare()
    {
        var rows = 0;
        foreach (var command in _commands)
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        return rows;
    }

    private static readonly SearchPage[] Pages =
    [
        new("Contacts", "/contacts"), new("Interaction Log Entries", "/interactionLogEntries"), new("Segments", "/segments"),
        new("Interaction Template Setup", "/setup/interactionTemplateSetup"), new("Opportunities", "/opportunities"), new("Campaigns", "/campaigns"),
    ];

    private async Task<GlobalSearchResult> SearchAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GlobalSearch>().HandleAsync(_term, null, Pages);
    }

    private sealed class CaptureInterceptor : DbCommandInterceptor
    {
        public bool Enabled { get; set; }

        public List<(string Text, List<(string, object?, System.Data.DbType)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType))]));
            }
            return ValueTask.FromResult(result);
        }
    }
}
