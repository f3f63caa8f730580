using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.IntegrationTests.Audit;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

/// <summary>
/// The contact's timeline (GET /contacts/{no}/timeline): one newest-first feed of entries, documents, notes and
/// opportunities, a company's with its persons', filtered and keyset-paged; and the notes themselves
/// (/contacts/{no}/comments).
/// </summary>
public sealed class ContactTimelineTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private sealed record Story(InteractionWorld W, long PersonCall, long CompanyCall, long OldCall, long Invoice, long Note, string Opportunity);

    /// <summary>
    /// A company's history on fixed days in the past (so today's opportunity stands above it): a call with its person
    /// (with a comment), one with the company, an older one canceled, a sales invoice sent to the person, a note on
    /// the person, a postponed call (never shown), and an opportunity created and closed today.
    /// </summary>
    private static async Task<Story> StoryAsync(TouchpointApp app)
    {
        var w = await InteractionWorld.CreateAsync(app);
        var personCall = await LogAsync(w, w.Person, "2026-03-01", "10:00:00", "Asked for a quote", comments: new[] { "Wants 40 seats" });
        var companyCall = await LogAsync(w, w.Company, "2026-03-02", "09:00:00", "Reception called back");
        var oldCall = await LogAsync(w, w.Company, "2026-02-01", "11:30:00", "Wrong number");
        Assert.Equal(HttpStatusCode.OK, (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{oldCall}/cancel", new { })).StatusCode);
        await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-03-04", timeOfInteraction = "08:00:00",
            postpone = true,
        })).JsonAsync(HttpStatusCode.Created);
        var invoice = await app.WithScopeAsync(async sp =>
        {
            var entry = await sp.GetRequiredService<LogInteraction>().HandleAsync(new LineToLog
            {
                UserId = "erp",
                Line = new InteractionLine
                {
                    ContactNo = w.Person, ContactCompanyNo = w.Company, InteractionTemplateCode = w.Template, Date = new DateOnly(2026, 3, 3),
                    TimeOfInteraction = new TimeOnly(8, 0), Description = "Invoice SI-1001", DocumentType = DocumentType.SalesInvoice,
                    DocumentNo = "SI-1001", InformationFlow = InformationFlow.Outbound, SalespersonCode = w.Salesperson,
                },
            });
            return entry.EntryNo;
        });
        var note = (await (await w.Client.PostAsync($"/api/v1/contacts/{w.Person}/comments", new { comment = "Prefers e-mail to calls.", date = "2026-02-15" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("lineNo").GetInt64();
        var opportunity = (await (await w.Client.PostAsync("/api/v1/opportunities", new { description = "40 seats", contactNo = w.Company, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PatchAsync($"/api/v1/opportunities/{opportunity}", new { closed = true })).JsonAsync(HttpStatusCode.OK);
        return new Story(w, personCall, companyCall, oldCall, invoice, note, opportunity);
    }

    private static async Task<long> LogAsync(InteractionWorld w, string contactNo, string date, string time, string description, string[]? comments = null) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date, timeOfInteraction = time, description,
            comments = comments ?? [],
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private static async Task<List<JsonElement>> FeedAsync(HttpClient client, string contactNo, string query = "")
    {
        var page = await (await client.GetAsync($"/api/v1/contacts/{contactNo}/timeline?limit=100{query}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return [.. page.GetProperty("value").EnumerateArray()];
    }

    // One readable label per item, so an assertion shows the whole feed when it fails.
    private static string Label(JsonElement item) => item.Str("kind") switch
    {
        "interaction" or "document" => $"{item.Str("kind")}:{item.GetProperty("entry").GetProperty("entryNo").GetInt64()}",
        "note" => $"note:{item.GetProperty("note").GetProperty("lineNo").GetInt64()}",
        var kind => $"{kind}:{item.GetProperty("opportunity").Str("no")}",
    };

    [Theory, SqliteData, PostgresData]
    public async Task A_company_timeline_is_newest_first_and_holds_its_persons_entries_documents_notes_and_opportunities(string provider)
    {
        var s = await StoryAsync(apps.For(provider));
        var feed = await FeedAsync(s.W.Client, s.W.Company);

        Assert.Equal(
        [
            $"opportunityClosed:{s.Opportunity}", $"opportunityCreated:{s.Opportunity}", $"document:{s.Invoice}", $"interaction:{s.CompanyCall}",
            $"interaction:{s.PersonCall}", $"note:{s.Note}", $"interaction:{s.OldCall}",
        ], feed.Select(Label));

        var personCall = feed[4];
        Assert.Equal("2026-03-01", personCall.Str("date"));
        var entry = personCall.GetProperty("entry");
        Assert.Equal(s.W.Person, entry.Str("contactNo"));
        Assert.Equal("Lena Log", entry.Str("contactName"));
        Assert.Equal("Outgoing call", entry.Str("templateDescription"));
        Assert.Equal("Asked for a quote", entry.Str("description"));
        Assert.Equal("Sam Seller", entry.Str("salespersonName"));
        Assert.Equal("outbound", entry.Str("informationFlow"));
        Assert.False(entry.GetProperty("canceled").GetBoolean());
        Assert.False(entry.GetProperty("hasLetter").GetBoolean());
        Assert.Equal("Wants 40 seats", Assert.Single(entry.GetProperty("comments").EnumerateArray()).Str("comment"));

        var invoice = feed[2].GetProperty("entry");
        Assert.Equal("salesInvoice", invoice.Str("documentType"));
        Assert.Equal("SI-1001", invoice.Str("documentNo"));
        Assert.Equal("Lena Log", invoice.Str("contactName"));
        Assert.True(feed[6].GetProperty("entry").GetProperty("canceled").GetBoolean());
        Assert.Equal("Log Co", feed[3].GetProperty("entry").Str("contactName"));
        var note = feed[5].GetProperty("note");
        Assert.Equal("Prefers e-mail to calls.", note.Str("comment"));
        Assert.Equal("sales@test.local", note.Str("userId"));
        Assert.Equal(s.W.Person, note.Str("contactNo"));
        Assert.Equal("40 seats", feed[0].GetProperty("opportunity").Str("description"));
        Assert.True(feed[0].GetProperty("opportunity").GetProperty("closed").GetBoolean());

        // The person's own feed: its entries and note, none of the company's.
        Assert.Equal([$"document:{s.Invoice}", $"interaction:{s.PersonCall}", $"note:{s.Note}"], (await FeedAsync(s.W.Client, s.W.Person)).Select(Label));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_kind_and_person_filters_narrow_the_feed_and_bad_values_are_refused_at_their_field(string provider)
    {
        var s = await StoryAsync(apps.For(provider));
        var c = s.W.Client;
        Assert.Equal([$"interaction:{s.CompanyCall}", $"interaction:{s.PersonCall}", $"interaction:{s.OldCall}"],
            (await FeedAsync(c, s.W.Company, "&kind=interactions")).Select(Label));
        Assert.Equal([$"document:{s.Invoice}"], (await FeedAsync(c, s.W.Company, "&kind=documents")).Select(Label));
        Assert.Equal([$"note:{s.Note}"], (await FeedAsync(c, s.W.Company, "&kind=notes")).Select(Label));
        Assert.Equal([$"opportunityClosed:{s.Opportunity}", $"opportunityCreated:{s.Opportunity}"],
            (await FeedAsync(c, s.W.Company, "&kind=opportunities")).Select(Label));
        Assert.Equal([$"document:{s.Invoice}", $"interaction:{s.PersonCall}", $"note:{s.Note}"],
            (await FeedAsync(c, s.W.Company, $"&personNo={s.W.Person.ToLowerInvariant()}")).Select(Label));
        Assert.Equal([$"interaction:{s.PersonCall}"], (await FeedAsync(c, s.W.Company, $"&personNo={s.W.Person}&kind=interactions")).Select(Label));

        await (await c.GetAsync($"/api/v1/contacts/{s.W.Company}/timeline?kind=letters")).ProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await c.GetAsync($"/api/v1/contacts/{s.W.Company}/timeline?personNo={s.W.Company}")).ProblemAsync(HttpStatusCode.BadRequest, "personNo");
        await (await c.GetAsync($"/api/v1/contacts/{s.W.Person}/timeline?personNo={s.W.Person}")).ProblemAsync(HttpStatusCode.BadRequest, "personNo");
        await (await c.GetAsync($"/api/v1/contacts/{s.W.Company}/timeline?cursor=bm9wZQ")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await c.GetAsync($"/api/v1/contacts/{s.W.Company}/timeline?limit=1001")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await c.GetAsync("/api/v1/contacts/NOSUCH-CT/timeline")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Paging_walks_the_whole_feed_without_duplicates_or_gaps_when_many_items_share_one_moment(string provider)
    {
        var app = apps.For(provider);
        var s = await StoryAsync(app);
        // Seven entries of one moment, of the company and the person alike, and three notes of today.
        for (var i = 0; i < 7; i++)
        {
            await LogAsync(s.W, i % 2 == 0 ? s.W.Company : s.W.Person, "2026-03-02", "09:00:00", $"Same moment {i}");
        }
        for (var i = 0; i < 3; i++)
        {
            await (await s.W.Client.PostAsync($"/api/v1/contacts/{s.W.Person}/comments", new { comment = $"Note {i}" })).JsonAsync(HttpStatusCode.Created);
        }
        var whole = (await FeedAsync(s.W.Client, s.W.Company)).Select(Label).ToList();
        Assert.Equal(17, whole.Count);

        foreach (var limit in new[] { 1, 2, 3, 5 })
        {
            var walked = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await (await s.W.Client.GetAsync($"/api/v1/contacts/{s.W.Company}/timeline?limit={limit}"
                    + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"))).JsonAsync(HttpStatusCode.OK);
                var items = page.GetProperty("value").EnumerateArray().ToList();
                Assert.InRange(items.Count, 1, limit);
                walked.AddRange(items.Select(Label));
                cursor = page.GetProperty("nextCursor").GetString();
                Assert.True(++pages <= whole.Count, "The pages do not end.");
            }
            while (cursor is not null);
            Assert.Equal(whole, walked);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Notes_are_added_changed_and_deleted_and_the_deletion_is_audited(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var created = await w.Client.PostAsync($"/api/v1/contacts/{w.Person.ToLowerInvariant()}/comments", new { comment = "  First line\nsecond line  " });
        var note = await created.JsonAsync(HttpStatusCode.Created);
        var lineNo = note.GetProperty("lineNo").GetInt64();
        Assert.Equal($"/api/v1/contacts/{w.Person}/comments/{lineNo}", created.Headers.Location?.ToString());
        Assert.Equal("First line\nsecond line", note.Str("comment"));
        Assert.Equal("sales@test.local", note.Str("userId"));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), note.Str("date"));
        var second = (await (await w.Client.PostAsync($"/api/v1/contacts/{w.Person}/comments", new { comment = "Later", date = "2026-01-05" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("lineNo").GetInt64();

        var list = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([second, lineNo], list.GetProperty("value").EnumerateArray().Select(n => n.GetProperty("lineNo").GetInt64()));

        var changed = await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}/comments/{lineNo}", new { comment = "Rewritten" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rewritten", changed.Str("comment"));
        Assert.Equal(note.Str("date"), changed.Str("date"));
        Assert.NotEqual(JsonValueKind.Null, changed.GetProperty("modifiedAt").ValueKind);
        var redated = await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}/comments/{lineNo}", new { date = "2026-02-01" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Rewritten", "2026-02-01"), (redated.Str("comment"), redated.Str("date")));
        Assert.Equal("Rewritten", (await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/comments/{lineNo}")).JsonAsync(HttpStatusCode.OK)).Str("comment"));

        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/contacts/{w.Person}/comments/{lineNo}")).StatusCode);
        await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/comments/{lineNo}")).ProblemAsync(HttpStatusCode.NotFound);
        var audit = Assert.Single(await AuditTrailTests.AuditAsync(w.Admin, $"entity=contactNote&key={w.Person}/{lineNo}"));
        Assert.Equal(("delete", "sales@test.local"), (audit.Str("action"), audit.Str("userId")));
        Assert.Contains("Rewritten", audit.Str("details"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bad_notes_are_refused_at_their_field_and_write_nothing(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var url = $"/api/v1/contacts/{w.Person}/comments";
        await (await w.Client.PostAsync(url, new { comment = "" })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PostAsync(url, new { comment = "   \n " })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PostAsync(url, new { })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        var tooLong = await (await w.Client.PostAsync(url, new { comment = new string('x', 2001) })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        Assert.Contains("2000", tooLong.Str("detail"));
        await (await w.Client.PostAsync(url, new { comment = "Fine", date = "yesterday" })).ProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await w.Client.PostAsync(url, new { comment = "Fine", colour = "red" })).ProblemAsync(HttpStatusCode.BadRequest, "colour");
        await (await w.Client.PostAsync("/api/v1/contacts/NOSUCH-CT/comments", new { comment = "Fine" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync("/api/v1/contacts/NOSUCH-CT/comments")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await w.Client.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).GetProperty("value").GetArrayLength());

        var lineNo = (await (await w.Client.PostAsync(url, new { comment = new string('x', 2000) })).JsonAsync(HttpStatusCode.Created)).GetProperty("lineNo").GetInt64();
        await (await w.Client.PatchAsync($"{url}/{lineNo}", new { comment = " " })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PatchAsync($"{url}/{lineNo}", new { comment = new string('y', 2001) })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PatchAsync($"{url}/{lineNo}", new { date = (string?)null })).ProblemAsync(HttpStatusCode.BadRequest, "date");
        Assert.Equal(new string('x', 2000), (await (await w.Client.GetAsync($"{url}/{lineNo}")).JsonAsync(HttpStatusCode.OK)).Str("comment"));

        await (await w.Client.PatchAsync($"{url}/{lineNo + 1000}", new { comment = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.DeleteAsync($"{url}/{lineNo + 1000}")).ProblemAsync(HttpStatusCode.NotFound);
        // A line of another contact is not this contact's.
        await (await w.Client.DeleteAsync($"/api/v1/contacts/{w.Company}/comments/{lineNo}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"{url}/{lineNo}")).JsonAsync(HttpStatusCode.OK);

        var viewer = await apps.For(provider).ClientAsync(Roles.Viewer);
        await (await viewer.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(url, new { comment = "Mine" })).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_a_contact_deletes_its_notes(string provider)
    {
        var app = apps.For(provider);
        var client = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        var no = (await (await client.PostAsync("/api/v1/contacts", new { name = "Short-lived Co" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await client.PostAsync($"/api/v1/contacts/{no}/comments", new { comment = "Met at the fair" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/api/v1/contacts/{no}/comments", new { comment = "Sent a brochure" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/contacts/{no}")).StatusCode);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().ContactNotes.CountAsync(n => n.ContactNo == no)));
        Assert.Contains("notes=2", Assert.Single(await AuditTrailTests.AuditAsync(admin, $"entity=contact&key={no}")).Str("details"));
    }
}
