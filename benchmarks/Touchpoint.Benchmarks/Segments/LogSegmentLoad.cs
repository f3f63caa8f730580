using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Persistence;
using Touchpoint.Persistence.PostgreSql;
using Touchpoint.Persistence.Sqlite;

namespace Touchpoint.Benchmarks.Segments;

/// <summary>
/// The commands of benchmarks/log-segment.sh (not BenchmarkDotNet: each measures one long operation end to end, a few
/// times). PROVIDER is <c>sqlite</c> or <c>postgres</c>; CONNECTION the app's connection string for it.
/// <list type="bullet">
/// <item><c>log-segment-contacts PROVIDER CONNECTION CITY COUNT</c>: adds COUNT persons in CITY (numbers LOG0000001 …,
/// each with a name, an e-mail address and a post code) through the app's bulk path,
/// <c>IDatabaseProvider.BulkInsertContactsAsync</c>, as <c>touchpoint demo generate</c> does.</item>
/// <item><c>log-segment-load URL EMAIL PASSWORD APP_PID CITY LINES RUNS</c>: signs in; then RUNS times: a new segment
/// (a template without attachment and a salesperson of the database on its header), <c>POST …/addContacts</c> with
/// the filter city = CITY, timed from request to answer (it must add LINES), then <c>POST …/log</c>
/// <c>{"send":false,"createFollowUpSegment":false}</c>, timed from request to answer (it must log LINES), while the app's
/// memory is watched: its peak RSS is reset just before (<c>/proc/PID/clear_refs</c>), VmRSS is read then (idle) and
/// every 10 ms during the request, and VmHWM after it. Prints each run and a <c>RESULT</c> line.</item>
/// <item><c>bare-log-insert PROVIDER CONNECTION RUNS</c>: the bare database doing the log's writing: the rows of the
/// newest logged segment (what the app wrote, all 36 columns but the key) are read into memory, then RUNS times
/// inserted again in one transaction through the same library as the app (SQLite: one prepared INSERT reused,
/// synchronous=NORMAL as the app's connections; PostgreSQL: one binary COPY), timed from opening the connection to the
/// commit, then deleted (untimed; PostgreSQL also VACUUMs the table) so that each run finds the table as the first
/// did. Prints each run and a <c>RESULT</c> line.</item>
/// <item><c>drop-pg-database CONNECTION</c>: drops the database the connection string names, if it is there.</item>
/// </list>
/// </summary>
public static class LogSegmentLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["log-segment-contacts", var provider, var connection, var city, var count]:
                await AddContactsAsync(provider, connection, city, Int(count));
                return 0;
            case ["log-segment-load", var url, var email, var password, var pid, var city, var lines, var runs]:
                return await LoadAsync(new Uri(url), email, password, Int(pid), city, Int(lines), Int(runs));
            case ["bare-log-insert", var provider, var connection, var runs]:
                return await BareInsertAsync(provider, connection, Int(runs));
            case ["drop-pg-database", var connection]:
                await DropPostgresDatabaseAsync(connection);
                return 0;
            default:
                await Console.Error.WriteLineAsync(
                    "usage: log-segment-contacts PROVIDER CONNECTION CITY COUNT | log-segment-load URL EMAIL PASSWORD APP_PID CITY LINES RUNS | " +
                    "bare-log-insert PROVIDER CONNECTION RUNS | drop-pg-database CONNECTION");
                return 2;
        }
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static async Task AddContactsAsync(string provider, string connectionString, string city, int count)
    {
        var watch = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var contacts = Enumerable.Range(1, count).Select(i =>
        {
            var no = string.Create(CultureInfo.InvariantCulture, $"LOG{i:D7}");
            var errors = new FieldErrors();
            var contact = Contact.Create(no, new ContactFields
            {
                Type = ContactType.Person,
                Name = string.Create(CultureInfo.InvariantCulture, $"Logbury Person {i}"),
                Email = string.Create(CultureInfo.InvariantCulture, $"person{i}@logbury.example"),
                PostCode = string.Create(CultureInfo.InvariantCulture, $"LB{i % 100:D2} 1AA"),
                City = city,
            }, null, now, errors);
            errors.ThrowIfAny();
            contact.AssignNo(no);
            return contact;
        });
        IDatabaseProvider bulk = provider == BenchmarkDatabase.PostgreSql ? new PostgreSqlDatabaseProvider() : new SqliteDatabaseProvider();
        await bulk.BulkInsertContactsAsync(connectionString, contacts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Added {count:N0} persons in {city} in {watch.Elapsed.TotalSeconds:F2} s"));
    }

    private static async Task<int> LoadAsync(Uri baseUrl, string email, string password, int pid, string city, int lines, int runs)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        using (var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }))
        {
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var template = (await ItemsAsync(http, "/api/v1/interactionTemplates?limit=200"))
            .Where(t => !t.GetProperty("hasAttachment").GetBoolean()).Select(t => t.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).First();
        var salesperson = (await ItemsAsync(http, "/api/v1/salespeople?limit=200"))
            .Where(s => !s.GetProperty("blocked").GetBoolean()).Select(s => s.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).First();
        Console.WriteLine($"Template {template}, salesperson {salesperson}, contacts of {city}; app process {pid}");

        var adds = new List<double>();
        var logs = new List<double>();
        var peaks = new List<double>();
        var idles = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var no = (await JsonAsync(await http.PostAsJsonAsync("/api/v1/segments", new
            {
                description = string.Create(CultureInfo.InvariantCulture, $"Log benchmark run {run}"),
                interactionTemplateCode = template,
                salespersonCode = salesperson,
            }), HttpStatusCode.Created)).GetProperty("no").GetString()!;

            var sent = Stopwatch.GetTimestamp();
            var added = (await JsonAsync(await http.PostAsJsonAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city } }), HttpStatusCode.OK))
                .GetProperty("added").GetInt32();
            var addMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (added != lines)
            {
                await Console.Error.WriteLineAsync($"addContacts added {added:N0} lines, not {lines:N0}: does the database hold {lines:N0} contacts in {city}?");
                return 1;
            }

            // Let the add's garbage settle, then measure from here: the peak is reset, the idle figure read.
            await Task.Delay(1000);
            var hwmReset = ResetPeak(pid);
            var idle = StatusKb(pid, "VmRSS");
            var sampledMax = idle;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
                try
                {
                    while (await timer.WaitForNextTickAsync(stop.Token))
                    {
                        sampledMax = Math.Max(sampledMax, StatusKb(pid, "VmRSS"));
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
            sent = Stopwatch.GetTimestamp();
            var result = await JsonAsync(await http.PostAsJsonAsync($"/api/v1/segments/{no}/log", new { send = false, createFollowUpSegment = false }), HttpStatusCode.OK);
            var logMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            await stop.CancelAsync();
            await sampler;
            var peak = Math.Max(sampledMax, hwmReset ? StatusKb(pid, "VmHWM") : 0);
            var logged = result.GetProperty("noOfInteractions").GetInt32();
            if (logged != lines)
            {
                await Console.Error.WriteLineAsync($"The log wrote {logged:N0} interactions, not {lines:N0}");
                return 1;
            }
            adds.Add(addMs);
            logs.Add(logMs);
            idles.Add(idle / 1024.0);
            peaks.Add((peak - idle) / 1024.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: segment {no}: addContacts {addMs:F0} ms ({added:N0} lines); log {logMs:F0} ms ({logged:N0} entries, {lines / (logMs / 1000):N0}/s); " +
                $"RSS idle {idle / 1024.0:F0} MiB, peak {peak / 1024.0:F0} MiB (+{(peak - idle) / 1024.0:F0} MiB{(hwmReset ? "" : ", sampled only")})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT add_median_ms={Median(adds):F0} add_max_ms={adds.Max():F0} log_median_ms={Median(logs):F0} log_max_ms={logs.Max():F0} " +
            $"mem_above_idle_median_mib={Median(peaks):F0} mem_above_idle_max_mib={peaks.Max():F0} idle_median_mib={Median(idles):F0}"));
        return 0;
    }

    /// <summary>Resets the process's VmHWM to its current RSS (Linux 4.0+, needs the right to ptrace it); false when refused.</summary>
    internal static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static long StatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }

    private static async Task<int> BareInsertAsync(string provider, string connectionString, int runs)
    {
        var postgres = provider == BenchmarkDatabase.PostgreSql;
        await using var connection = postgres ? new NpgsqlConnection(connectionString) : (DbConnection)new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var (columns, types, rows) = await NewestLogAsync(connection);
        if (rows.Count == 0)
        {
            await Console.Error.WriteLineAsync("No logged segment with entries: run log-segment-load first.");
            return 1;
        }
        Console.WriteLine($"Bare {(postgres ? "binary COPY" : "prepared INSERT")} of the newest logged segment's {rows.Count:N0} rows ({columns.Count} columns), one transaction");
        var times = new List<double>();
        // Run 0 is a warm-up, not counted: 1,000 rows through the same code, so that no run pays for JIT compilation.
        for (var run = 0; run <= runs; run++)
        {
            var runRows = run == 0 ? rows.Take(1000).ToList() : rows;
            var maxBefore = Convert.ToInt64(await ScalarAsync(connection, """SELECT COALESCE(MAX("EntryNo"), 0) FROM "InteractionLogEntries" """), CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            if (postgres)
            {
                await CopyAsync(connectionString, columns, types, runRows);
            }
            else
            {
                Insert(connectionString, columns, runRows);
            }
            var ms = watch.Elapsed.TotalMilliseconds;
            if (run == 0)
            {
                await ExecuteAsync(connection, $"""DELETE FROM "InteractionLogEntries" WHERE "EntryNo" > {maxBefore}""");
                continue;
            }
            times.Add(ms);
            // Deleted again without VACUUM: the next run finds no freed space to reuse, as the app's runs find none
            // (each of them adds to the table).
            var deleted = await ExecuteAsync(connection, $"""DELETE FROM "InteractionLogEntries" WHERE "EntryNo" > {maxBefore}""");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {rows.Count:N0} rows in {ms:F0} ms ({rows.Count / (ms / 1000):N0}/s); {deleted:N0} deleted again"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT bare_median_ms={Median(times):F0} bare_max_ms={times.Max():F0}"));
        return 0;
    }

    /// <summary>The entries of the newest logged segment, every column but the key, as the database returns them.</summary>
    private static async Task<(List<string> Columns, List<string> Types, List<object?[]> Rows)> NewestLogAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM "InteractionLogEntries"
            WHERE "LoggedSegmentEntryNo" = (SELECT MAX("EntryNo") FROM "LoggedSegments") ORDER BY "EntryNo"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var keep = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "EntryNo").ToList();
        var columns = keep.Select(reader.GetName).ToList();
        var types = keep.Select(reader.GetDataTypeName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(keep.Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }
        return (columns, types, rows);
    }

    private static void Insert(string connectionString, List<string> columns, List<object?[]> rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"InteractionLogEntries\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static async Task CopyAsync(string connectionString, List<string> columns, List<string> types, List<object?[]> rows)
    {
        var dbTypes = types.Select(PostgresType).ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"InteractionLogEntries\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        copy.Write(value, dbTypes[i]);
                    }
                    else
                    {
                        copy.WriteNull();
                    }
                }
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    private static NpgsqlDbType PostgresType(string name) => name switch
    {
        _ when name.StartsWith("character varying", StringComparison.Ordinal) => NpgsqlDbType.Varchar,
        "text" => NpgsqlDbType.Text,
        "date" => NpgsqlDbType.Date,
        "time without time zone" => NpgsqlDbType.Time,
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        _ when name.StartsWith("numeric", StringComparison.Ordinal) => NpgsqlDbType.Numeric,
        "boolean" => NpgsqlDbType.Boolean,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        _ => throw new NotSupportedException($"Column type {name}"),
    };

    private static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new InvalidOperationException("The connection string names no database.");
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)");
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync();
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            }
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient http, string url) =>
        (await http.GetFromJsonAsync<JsonElement>(url)).GetProperty("value").EnumerateArray().ToList();

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
