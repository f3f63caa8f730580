using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Delivery;

/// <summary>
/// How delivery shows (rule 48): the log's deliveryStatus filter and a logged segment's delivery counts. The entries'
/// states are written straight into the database, as the delivery worker leaves them.
/// </summary>
public sealed class DeliveryStatusTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    private static async Task<long> EntryAsync(InteractionWorld w, string description) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private static async Task<long[]> ListedAsync(InteractionWorld w, string query) =>
        [.. (await SegmentLogTests.EntriesAsync(w, query)).Select(e => e.GetProperty("entryNo").GetInt64())];

    [Theory, SqliteData, PostgresData]
    public async Task The_log_filters_on_delivery_in_progress_failed_and_delivered_and_leaves_out_entries_never_sent(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var never = await EntryAsync(w, "Never sent");
        var inProgress = await EntryAsync(w, "On its way");
        var failed = await EntryAsync(w, "Refused");
        var delivered = await EntryAsync(w, "Arrived");
        // Sent once, now sent again: in progress, not delivered.
        var resent = await EntryAsync(w, "Sent again");
        await app.MarkDeliveryAsync(inProgress, DeliveryStatus.InProgress);
        await app.MarkDeliveryAsync(failed, DeliveryStatus.Error, error: "550 5.1.1 Mailbox unavailable");
        await app.MarkDeliveryAsync(delivered, DeliveryStatus.None, SentAt);
        await app.MarkDeliveryAsync(resent, DeliveryStatus.InProgress, SentAt);

        // Other tests of the class share the database: each list is looked at for this test's entries only.
        long[] mine = [never, inProgress, failed, delivered, resent];
        async Task<long[]> Mine(string query) => [.. (await ListedAsync(w, query)).Where(mine.Contains)];
        Assert.Equal([resent, delivered, failed, inProgress, never], await Mine($"contactNo={w.Person}"));
        Assert.Equal([resent, inProgress], await Mine("deliveryStatus=inProgress"));
        Assert.Equal([failed], await Mine("deliveryStatus=error"));
        Assert.Equal([delivered], await Mine("deliveryStatus=delivered"));
        // Any case, as the other enum filters; with another filter too.
        Assert.Equal([failed], await Mine($"deliveryStatus=Error&contactNo={w.Person}"));
        Assert.Empty(await Mine($"deliveryStatus=error&contactNo={w.Company}"));

        var entry = (await SegmentLogTests.EntriesAsync(w, $"deliveryStatus=error&contactNo={w.Person}")).Single();
        Assert.Equal(("error", "550 5.1.1 Mailbox unavailable"), (entry.Str("deliveryStatus"), entry.Str("deliveryError")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Keyset_pages_of_a_delivery_filter_follow_the_logs_order_without_gaps_or_repeats(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var failed = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var entryNo = await EntryAsync(w, $"Refused {i}");
            await app.MarkDeliveryAsync(entryNo, DeliveryStatus.Error, error: "550 No such user");
            failed.Add(entryNo);
            await app.MarkDeliveryAsync(await EntryAsync(w, $"Arrived {i}"), DeliveryStatus.None, SentAt);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?deliveryStatus=error&contactNo={w.Person}&limit=2"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"))).JsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("entryNo").GetInt64()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(failed.AsEnumerable().Reverse(), seen);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_delivery_status_is_refused_naming_the_field(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));

        var problem = await (await w.Client.GetAsync("/api/v1/interactionLogEntries?deliveryStatus=sent")).ProblemAsync(HttpStatusCode.BadRequest, "deliveryStatus");

        Assert.Contains("inProgress, error, delivered", problem.Str("detail"), StringComparison.Ordinal);
        // "none" is a status, not a filter: the entries never sent are all the others.
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries?deliveryStatus=none")).ProblemAsync(HttpStatusCode.BadRequest, "deliveryStatus");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_logged_segment_counts_its_entries_delivered_in_progress_failed_and_its_hard_copies(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU" });
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment",
            Files.Form("letter.docx", WordLetters.WithFields("Dear customer,", "ContactName")))).JsonAsync(HttpStatusCode.OK);
        var contacts = new List<string> { w.Company, w.Person };
        for (var i = 0; i < 3; i++)
        {
            contacts.Add((await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = $"Paper {i}" })).JsonAsync(HttpStatusCode.Created)).Str("no"));
        }
        var no = await SegmentLogTests.SegmentAsync(w, new { description = "Paper mailing", correspondenceTypeDefault = "hardCopy", ignoreContactCorresType = true });
        await SegmentLogTests.AddAsync(w, no, new { contactNos = contacts });
        var lines = await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=100")).JsonAsync(HttpStatusCode.OK);
        var unsentLine = lines.GetProperty("value").EnumerateArray().First(l => l.Str("contactNo") == w.Company).GetProperty("lineNo").GetInt32();
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/{unsentLine}", new { correspondenceType = "none" })).JsonAsync(HttpStatusCode.OK);
        var logged = (await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("loggedSegmentEntryNo").GetInt64();
        var entries = await SegmentLogTests.EntriesAsync(w, $"loggedSegmentEntryNo={logged}");
        var sent = entries.Where(e => e.Str("contactNo") != w.Company).Select(e => e.GetProperty("entryNo").GetInt64()).Order().ToList();
        await app.MarkDeliveryAsync(sent[0], DeliveryStatus.None, SentAt);
        await app.MarkDeliveryAsync(sent[1], DeliveryStatus.InProgress);
        await app.MarkDeliveryAsync(sent[2], DeliveryStatus.Error, error: "Printer out of paper");
        await app.MarkDeliveryAsync(sent[3], DeliveryStatus.Error, error: "Printer out of paper");

        var one = await (await w.Client.GetAsync($"/api/v1/loggedSegments/{logged}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((5, 1, 1, 2, 4), Counts(one));
        var listed = (await (await w.Client.GetAsync($"/api/v1/loggedSegments?search={no}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Single(l => l.GetProperty("entryNo").GetInt64() == logged);
        Assert.Equal((5, 1, 1, 2, 4), Counts(listed));

        // Rule 1.12: the counts take the entries whose Canceled equals the logged segment's, so they move with it.
        var canceled = await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((5, 1, 1, 2, 4), Counts(canceled));

        static (int, int, int, int, int) Counts(JsonElement l) => (l.GetProperty("noOfInteractions").GetInt32(), l.GetProperty("noOfDelivered").GetInt32(),
            l.GetProperty("noOfInProgress").GetInt32(), l.GetProperty("noOfDeliveryErrors").GetInt32(), l.GetProperty("noOfHardCopies").GetInt32());
    }
}
