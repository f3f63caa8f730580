using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Benchmarks.Interactions;

/// <summary>
/// Two timed commands for benchmarks/post-interactions.sh (not BenchmarkDotNet: they measure throughput under
/// concurrency, end to end):
/// <list type="bullet">
/// <item><c>post-load URL EMAIL PASSWORD CLIENTS SECONDS</c>: signs in, picks contacts, templates without attachments
/// and salespeople through the API, then CLIENTS loops each send <c>POST /api/v1/interactions</c> one after another for
/// SECONDS (after a warm-up of a tenth of that); prints the requests per second that answered 201 and the latency
/// median and P95. Any other answer counts as an error and the first one is printed.</item>
/// <item><c>bare-insert SQLITE_FILE THREADS SECONDS</c>: the same database without the app: THREADS connections each
/// insert one copy of an existing log entry per transaction (BEGIN IMMEDIATE … COMMIT, WAL, synchronous=NORMAL, as the
/// app's connections), into the same table with the same indexes, for SECONDS.</item>
/// <item><c>bare-insert-pg CONNECTION_STRING THREADS SECONDS</c>: the same on PostgreSQL: THREADS connections each
/// insert one copy of an existing log entry per statement (its own transaction, committed), the key from its identity
/// column, for SECONDS.</item>
/// <item><c>bare-delete SQLITE_FILE</c>: for benchmarks/delete-canceled.sh, the bare database's side: one
/// <c>DELETE FROM "InteractionLogEntries" WHERE "Canceled" AND NOT "Postponed"</c> in one transaction, through the same
/// SQLite library as the app, timed from opening the connection to the commit.</item>
/// </list>
/// </summary>
public static class PostInteractionsLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["post-load", var url, var email, var password, var clients, var seconds]:
                await PostLoadAsync(new Uri(url), email, password, int.Parse(clients, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
                return 0;
            case ["bare-insert", var file, var threads, var seconds]:
                BareInsert(file, int.Parse(threads, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
                return 0;
            case ["bare-insert-pg", var connectionString, var threads, var seconds]:
                await BareInsertPostgresAsync(connectionString, int.Parse(threads, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
                return 0;
            case ["bare-delete", var file]:
                BareDelete(file);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: post-load URL EMAIL PASSWORD CLIENTS SECONDS | bare-insert SQLITE_FILE THREADS SECONDS | bare-insert-pg CONNECTION_STRING THREADS SECONDS | bare-delete SQLITE_FILE");
                return 2;
        }
    }

    private static async Task PostLoadAsync(Uri baseUrl, string email, string password, int clients, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var contacts = await CodesAsync(http, "/api/v1/contacts?limit=200", "no", pages: 5);
        var templates = (await ItemsAsync(http, "/api/v1/interactionTemplates?limit=200"))
            .Where(t => !t.GetProperty("hasAttachment").GetBoolean()).Select(t => t.GetProperty("code").GetString()!).ToList();
        var salespeople = await CodesAsync(http, "/api/v1/salespeople?limit=200", "code", pages: 1);
        Console.WriteLine($"{clients} clients, {contacts.Count} contacts, {templates.Count} templates without attachments, {salespeople.Count} salespeople");

        var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 10));
        var measured = TimeSpan.FromSeconds(seconds);
        var start = Stopwatch.GetTimestamp();
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            // Synthetic load: a plain seeded Random per client.
#pragma warning disable CA5394
            var random = new Random(c);
            var mine = latencies[c] = new List<double>(100_000);
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed >= warmup + measured)
                {
                    break;
                }
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/interactions", new
                {
                    contactNo = contacts[random.Next(contacts.Count)],
                    interactionTemplateCode = templates[random.Next(templates.Count)],
                    salespersonCode = salespeople[random.Next(salespeople.Count)],
                    description = "Load test call",
                    correspondenceType = "none",
                });
#pragma warning restore CA5394
                var took = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    var body = await response.Content.ReadAsStringAsync();
                    Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {body}", null);
                }
                else if (elapsed >= warmup)
                {
                    mine.Add(took);
                }
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToList();
        Report("POST /api/v1/interactions", all, measured, errors);
        if (firstError is not null)
        {
            Console.WriteLine($"first error: {firstError}");
        }
    }

    private static void BareInsert(string file, int threads, int seconds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        long maxEntryNo;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var max = connection.CreateCommand();
            max.CommandText = "SELECT MAX(\"EntryNo\") FROM \"InteractionLogEntries\"";
            maxEntryNo = (long)max.ExecuteScalar()!;
        }
        var columns = Columns(connectionString);
        var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 10));
        var measured = TimeSpan.FromSeconds(seconds);
        var start = Stopwatch.GetTimestamp();
        var latencies = new List<double>[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
#pragma warning disable CA5394
            var random = new Random(t);
            var mine = latencies[t] = new List<double>(200_000);
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = Environment.GetEnvironmentVariable("BARE_PRAGMAS") ?? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
                pragma.ExecuteNonQuery();
            }
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"InteractionLogEntries\" ({columns}) SELECT {columns} FROM \"InteractionLogEntries\" WHERE \"EntryNo\" = $n";
            var n = insert.Parameters.Add("$n", SqliteType.Integer);
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed >= warmup + measured)
                {
                    break;
                }
                var sent = Stopwatch.GetTimestamp();
                using (var transaction = connection.BeginTransaction())
                {
                    insert.Transaction = transaction;
                    n.Value = 1 + random.NextInt64(maxEntryNo);
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                }
#pragma warning restore CA5394
                if (elapsed >= warmup)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Report("bare INSERT, one per transaction", latencies.SelectMany(l => l).Order().ToList(), measured, errors: 0);
    }

    private static async Task BareInsertPostgresAsync(string connectionString, int threads, int seconds)
    {
        long maxEntryNo;
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var max = new NpgsqlCommand("""SELECT MAX("EntryNo") FROM "InteractionLogEntries" """, connection))
            {
                maxEntryNo = (long)(await max.ExecuteScalarAsync())!;
            }
            await using var info = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'InteractionLogEntries' AND column_name <> 'EntryNo' ORDER BY ordinal_position",
                connection);
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add($"\"{reader.GetString(0)}\"");
            }
        }
        var columns = string.Join(", ", names);
        var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 10));
        var measured = TimeSpan.FromSeconds(seconds);
        var start = Stopwatch.GetTimestamp();
        var latencies = new List<double>[threads];
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
#pragma warning disable CA5394
            var random = new Random(t);
            var mine = latencies[t] = new List<double>(200_000);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO \"InteractionLogEntries\" ({columns}) SELECT {columns} FROM \"InteractionLogEntries\" WHERE \"EntryNo\" = $1", connection);
            var n = new NpgsqlParameter<long>();
            insert.Parameters.Add(n);
            await insert.PrepareAsync();
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed >= warmup + measured)
                {
                    break;
                }
                var sent = Stopwatch.GetTimestamp();
                n.TypedValue = 1 + random.NextInt64(maxEntryNo);
                await insert.ExecuteNonQueryAsync();
#pragma warning restore CA5394
                if (elapsed >= warmup)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        })));
        Report("bare INSERT, one per transaction", latencies.SelectMany(l => l).Order().ToList(), measured, errors: 0);
    }

    private static void BareDelete(string file)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 600 }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandTimeout = 0;
        delete.CommandText = "DELETE FROM \"InteractionLogEntries\" WHERE \"Canceled\" AND NOT \"Postponed\"";
        var deleted = delete.ExecuteNonQuery();
        transaction.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare DELETE: {deleted:N0} entries in {watch.Elapsed.TotalSeconds:F2} s"));
    }

    /// <summary>Every column but the key, so that the copy gets a new entry no.</summary>
    private static string Columns(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('InteractionLogEntries') WHERE name <> 'EntryNo'";
        var names = new List<string>();
        using var reader = info.ExecuteReader();
        while (reader.Read())
        {
            names.Add($"\"{reader.GetString(0)}\"");
        }
        return string.Join(", ", names);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient http, string url)
    {
        var page = await http.GetFromJsonAsync<JsonElement>(url);
        return page.GetProperty("value").EnumerateArray().ToList();
    }

    private static async Task<List<string>> CodesAsync(HttpClient http, string url, string field, int pages)
    {
        var codes = new List<string>();
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(cursor is null ? url : $"{url}&cursor={Uri.EscapeDataString(cursor)}");
            codes.AddRange(page.GetProperty("value").EnumerateArray().Select(c => c.GetProperty(field).GetString()!));
            if (!page.TryGetProperty("nextCursor", out var next) || next.ValueKind != JsonValueKind.String)
            {
                break;
            }
            cursor = next.GetString();
        }
        return codes;
    }

    private static void Report(string what, List<double> sorted, TimeSpan measured, int errors)
    {
        if (sorted.Count == 0)
        {
            Console.WriteLine($"{what}: nothing succeeded ({errors} errors)");
            return;
        }
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {sorted.Count / measured.TotalSeconds:N0}/s over {measured.TotalSeconds:N0} s ({sorted.Count:N0} done, {errors} errors); latency median {At(0.5):F2} ms, P95 {At(0.95):F2} ms, max {sorted[^1]:F2} ms"));
    }
}
