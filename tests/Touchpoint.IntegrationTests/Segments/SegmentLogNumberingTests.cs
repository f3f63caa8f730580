using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>
/// The numbers the database gives a large log while others take numbers too. Its own class, so its thousands of
/// contacts and entries stay out of the database the other segment tests share.
/// </summary>
public sealed class SegmentLogNumberingTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    // More than one of the log's batches, and not a whole number of the SQLite writer's statements.
    private const int Lines = 20_250;

    [Theory, SqliteData, PostgresData]
    public async Task Interactions_logged_while_a_segment_is_logged_get_numbers_of_their_own_with_their_comments(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var city = Unique.Code("N");
        await VolumeContacts.AddAsync(app, city, Lines, "Numbered");
        var no = await SegmentLogTests.SegmentAsync(w, new { description = "Numbered" });
        await SegmentLogTests.AddAsync(w, no, new { city });

        var log = w.Client.PostAsync($"/api/v1/segments/{no}/log", new { });
        var singles = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await Task.Delay(i * 10);
            var answer = await (await w.Client.PostAsync("/api/v1/interactions", new
            {
                contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = $"Single {i}",
                comments = new[] { $"Comment {i}" },
            })).JsonAsync(HttpStatusCode.Created);
            return (Index: i, EntryNo: answer.GetProperty("entryNo").GetInt64());
        }));
        var logged = await (await log).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Lines, logged.GetProperty("noOfInteractions").GetInt32());
        var loggedNo = logged.GetProperty("loggedSegmentEntryNo").GetInt64();
        Assert.Equal(Lines, await app.WithScopeAsync(sp =>
            sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.CountAsync(e => e.LoggedSegmentEntryNo == loggedNo)));
        Assert.Equal(singles.Length, singles.Select(s => s.EntryNo).Distinct().Count());
        foreach (var (index, entryNo) in singles)
        {
            var stored = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal($"Single {index}", stored.Str("description"));
            var comments = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/comments")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal($"Comment {index}", Assert.Single(comments.GetProperty("value").EnumerateArray()).Str("comment"));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_large_batch_comes_back_with_the_numbers_its_entries_were_stored_under_while_others_take_numbers(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        const int count = 5_050;
        var today = DateOnly.FromDateTime(DateTime.Now);
        var lines = Enumerable.Range(0, count).Select(i => new LineToLog
        {
            Line = new InteractionLine
            {
                ContactNo = w.Person, InteractionTemplateCode = w.Template, InteractionGroupCode = w.Group, SalespersonCode = w.Salesperson,
                Date = today, TimeOfInteraction = new TimeOnly(9, 0), Description = $"Batch {i}", Comments = [$"Note {i}"],
            },
            UserId = "sales@test.local",
        }).ToList();

        // Others take numbers meanwhile: on PostgreSQL INSERTs using the key's default on another connection, as another
        // instance would; on SQLite single interactions, which wait for the batch.
        var model = (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Meanwhile",
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();
        using var stop = new CancellationTokenSource();
        var others = provider == TestDatabases.Postgres ? InsertWithDefaultKeyAsync(app, model, stop.Token) : SinglesAsync(w, stop.Token);
        var entries = await app.WithScopeAsync(async sp =>
        {
            var log = sp.GetRequiredService<LogInteraction>();
            IReadOnlyList<InteractionLogEntry> written = [];
            for (var run = 0; run < 3; run++)
            {
                written = await log.HandleAsync(lines);
            }
            return written;
        });
        await stop.CancelAsync();
        await others;

        var numbers = entries.Select(e => e.EntryNo).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(count, numbers.Distinct().Count());
        var stored = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            var first = numbers[0];
            var last = numbers[^1];
            var descriptions = await db.InteractionLogEntries.Where(e => e.EntryNo >= first && e.EntryNo <= last)
                .ToDictionaryAsync(e => e.EntryNo, e => e.Description);
            var comments = await db.InteractionLogEntryComments.Where(c => c.EntryNo >= first && c.EntryNo <= last)
                .ToDictionaryAsync(c => c.EntryNo, c => c.Comment);
            return (descriptions, comments);
        });
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"Batch {i}", stored.descriptions[numbers[i]]);
            Assert.Equal($"Note {i}", stored.comments[numbers[i]]);
        }
    }

    /// <summary>
    /// Copies of an entry inserted one by one with the key's default, as another instance or a plain INSERT would: a
    /// batch that reserved its numbers any other way than from the sequence itself would collide with them.
    /// </summary>
    private static async Task InsertWithDefaultKeyAsync(TouchpointApp app, long model, CancellationToken stop)
    {
        var connectionString = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DatabaseSettings>().ConnectionString));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand("""SELECT * FROM "InteractionLogEntries" LIMIT 0""", connection))
        await using (var reader = await read.ExecuteReaderAsync(CancellationToken.None))
        {
            columns.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(c => c != "EntryNo").Select(c => $"\"{c}\""));
        }
        var list = string.Join(", ", columns);
        await using var insert = new NpgsqlCommand(
            $"""INSERT INTO "InteractionLogEntries" ({list}) SELECT {list} FROM "InteractionLogEntries" WHERE "EntryNo" = {model}""", connection);
        while (!stop.IsCancellationRequested)
        {
            await insert.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task SinglesAsync(InteractionWorld w, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await (await w.Client.PostAsync("/api/v1/interactions", new
            {
                contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Meanwhile",
            })).JsonAsync(HttpStatusCode.Created);
        }
    }
}
