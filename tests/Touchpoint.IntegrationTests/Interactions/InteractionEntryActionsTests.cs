using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

public sealed class InteractionEntryActionsTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    /// <summary>A company with a phone no. and a person, a salesperson, and a call template without languages (usable as Outg. Calls).</summary>
    private Task<InteractionWorld> WorldAsync(string provider) =>
        InteractionWorld.CreateAsync(apps.For(provider), new { unitCostLcy = 1, correspondenceTypeDefault = "none" }, new { phoneNo = "+31 20 555 0100" });

    private static long EntryNo(JsonElement e) => e.GetProperty("entryNo").GetInt64();

    private static async Task<long> LogAsync(InteractionWorld w, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["contactNo"] = w.Person, ["interactionTemplateCode"] = w.Template, ["salespersonCode"] = w.Salesperson };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return EntryNo(await (await w.Client.PostAsync("/api/v1/interactions", body)).JsonAsync(HttpStatusCode.Created));
    }

    private Task<T> DbAsync<T>(string provider, Func<ITouchpointDb, Task<T>> query) =>
        apps.For(provider).WithScopeAsync(sp => query(sp.GetRequiredService<ITouchpointDb>()));

    private static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, SqliteData, PostgresData]
    public async Task Rule_23_evaluating_stores_the_choice_on_one_or_all_selected_entries(string provider)
    {
        var w = await WorldAsync(provider);
        var first = await LogAsync(w);
        var second = await LogAsync(w);

        var evaluated = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { evaluation = "veryPositive" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("veryPositive", evaluated.Str("evaluation"));
        Assert.Equal(first, EntryNo(evaluated));

        // Bad input: a clear 400 at the field, nothing changed.
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { evaluation = "great" })).ProblemAsync(HttpStatusCode.BadRequest, "evaluation");
        var none = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { evaluation = "none" })).ProblemAsync(HttpStatusCode.BadRequest, "evaluation");
        Assert.Contains("veryNegative", none.Str("detail"));
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { })).ProblemAsync(HttpStatusCode.BadRequest, "evaluation");
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { evaluation = "neutral", mood = "x" })).ProblemAsync(HttpStatusCode.BadRequest, "mood");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/999999999/evaluate", new { evaluation = "neutral" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("veryPositive", (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{first}")).JsonAsync(HttpStatusCode.OK)).Str("evaluation"));

        // Several: all or none.
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/evaluate", new { entryNos = new[] { first, second, 999999999 }, evaluation = "negative" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("none", (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{second}")).JsonAsync(HttpStatusCode.OK)).Str("evaluation"));
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/evaluate", new { entryNos = Array.Empty<long>(), evaluation = "negative" })).ProblemAsync(HttpStatusCode.BadRequest, "entryNos");
        var batch = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/evaluate", new { entryNos = new[] { first, second }, evaluation = "negative" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, batch.GetProperty("count").GetInt32());
        Assert.Equal("negative", (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{first}")).JsonAsync(HttpStatusCode.OK)).Str("evaluation"));
        Assert.Equal("negative", (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{second}")).JsonAsync(HttpStatusCode.OK)).Str("evaluation"));

        // A postponed entry is not in the log: finish it first. In a batch it refuses the whole batch.
        var postponed = await LogAsync(w, new { postpone = true });
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{postponed}/evaluate", new { evaluation = "positive" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/evaluate", new { entryNos = new[] { first, postponed }, evaluation = "positive" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("negative", (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{first}")).JsonAsync(HttpStatusCode.OK)).Str("evaluation"));

        // A viewer may not evaluate.
        var viewer = await apps.For(provider).ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/interactionLogEntries/{first}/evaluate", new { evaluation = "positive" })).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_1_6_a_comment_line_gets_the_work_date_only_when_no_line_of_the_entry_has_it(string provider)
    {
        var w = await WorldAsync(provider);
        var entryNo = await LogAsync(w);
        var empty = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(empty.GetProperty("value").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("nextCursor").ValueKind);
        Assert.False((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK)).GetProperty("hasComments").GetBoolean());

        var response = await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { comment = "Wants a quote" });
        var first = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(10000, first.GetProperty("lineNo").GetInt32());
        Assert.Equal(Today, first.Str("date"));
        Assert.Equal(Today, first.Str("lastDateModified"));
        Assert.Equal($"/api/v1/interactionLogEntries/{entryNo}/comments/10000", response.Headers.Location?.OriginalString);
        Assert.Equal("Wants a quote", (await (await w.Client.GetAsync(response.Headers.Location!.OriginalString)).JsonAsync(HttpStatusCode.OK)).Str("comment"));

        // A line already has today's date: the next one's date stays blank, as in BC.
        var second = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { comment = "Call back in May" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(20000, second.GetProperty("lineNo").GetInt32());
        Assert.Null(second.Str("date"));
        var dated = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { date = "2026-01-05", comment = "Met at the fair" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-01-05", dated.Str("date"));

        var lines = (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/comments")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([10000, 20000, 30000], lines.Select(l => l.GetProperty("lineNo").GetInt32()));
        Assert.Equal(["Wants a quote", "Call back in May", "Met at the fair"], lines.Select(l => l.Str("comment")));
        var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(entry.GetProperty("hasComments").GetBoolean());
        var found = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?search=fair&contactNo={w.Person}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entryNo, EntryNo(Assert.Single(found.GetProperty("value").EnumerateArray())));

        // Bad input: a clear 4xx, nothing stored.
        var tooLong = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { comment = new string('c', 81) })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        Assert.Contains("80", tooLong.Str("detail"));
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { comment = "  " })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/comments", new { date = "5.1.2026", comment = "x" })).ProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/999999999/comments", new { comment = "Lost" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries/999999999/comments")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/comments/40000")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, await DbAsync(provider, db => db.InteractionLogEntryComments.CountAsync(c => c.EntryNo == entryNo)));
        Assert.Equal(0, await DbAsync(provider, db => db.InteractionLogEntryComments.CountAsync(c => c.EntryNo == 999999999)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_comment_line_is_changed_and_deleted_as_on_BCs_comment_sheet(string provider)
    {
        var w = await WorldAsync(provider);
        var entryNo = await LogAsync(w);
        var lines = $"/api/v1/interactionLogEntries/{entryNo}/comments";
        await (await w.Client.PostAsync(lines, new { date = "2026-01-05", comment = "Wants a quote" })).JsonAsync(HttpStatusCode.Created);
        await (await w.Client.PostAsync(lines, new { comment = "Call back in May" })).JsonAsync(HttpStatusCode.Created);

        // Only the comment sent changes; the date stays, the line is stamped with today.
        var changed = await (await w.Client.PatchAsync($"{lines}/10000", new { comment = "  Wants a quote for 12 desks " })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Wants a quote for 12 desks", changed.Str("comment"));
        Assert.Equal("2026-01-05", changed.Str("date"));
        Assert.Equal(Today, changed.Str("lastDateModified"));
        // A date sent as null is BC's blank date.
        var blank = await (await w.Client.PatchAsync($"{lines}/10000", new { date = (string?)null })).JsonAsync(HttpStatusCode.OK);
        Assert.Null(blank.Str("date"));
        Assert.Equal("Wants a quote for 12 desks", blank.Str("comment"));
        var redated = await (await w.Client.PatchAsync($"{lines}/20000", new { date = "2026-02-01", comment = "Call back in June" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-02-01", redated.Str("date"));

        // Bad input: a clear 4xx at the field, nothing changed.
        var tooLong = await (await w.Client.PatchAsync($"{lines}/10000", new { comment = new string('c', 81) })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        Assert.Contains("80", tooLong.Str("detail"));
        await (await w.Client.PatchAsync($"{lines}/10000", new { comment = " " })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PatchAsync($"{lines}/10000", new { comment = (string?)null })).ProblemAsync(HttpStatusCode.BadRequest, "comment");
        await (await w.Client.PatchAsync($"{lines}/10000", new { date = "5.1.2026" })).ProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await w.Client.PatchAsync($"{lines}/10000", new { date = "0001-01-01" })).ProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await w.Client.PatchAsync($"{lines}/10000", new { text = "x" })).ProblemAsync(HttpStatusCode.BadRequest, "text");
        await (await w.Client.PatchAsync($"{lines}/40000", new { comment = "Lost" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PatchAsync("/api/v1/interactionLogEntries/999999999/comments/10000", new { comment = "Lost" })).ProblemAsync(HttpStatusCode.NotFound);
        var stored = (await (await w.Client.GetAsync(lines)).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Wants a quote for 12 desks", "Call back in June"], stored.Select(l => l.Str("comment")));

        // A viewer reads but does not change.
        var viewer = await apps.For(provider).ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsync($"{lines}/10000", new { comment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"{lines}/10000")).StatusCode);

        // Deleting: the line goes; with the last one the entry no longer has comments.
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"{lines}/10000")).StatusCode);
        await (await w.Client.DeleteAsync($"{lines}/10000")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.DeleteAsync("/api/v1/interactionLogEntries/999999999/comments/20000")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK)).GetProperty("hasComments").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"{lines}/20000")).StatusCode);
        Assert.Empty((await (await w.Client.GetAsync(lines)).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray());
        Assert.False((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK)).GetProperty("hasComments").GetBoolean());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rules_32_and_60_an_opportunity_is_created_from_an_entry_once_and_never_from_a_canceled_one(string provider)
    {
        var w = await WorldAsync(provider);
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Autumn" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var entryNo = await LogAsync(w, new { description = "Asked about desks", campaignNo = campaign });

        var response = await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/createOpportunity", new { });
        var opportunity = await response.JsonAsync(HttpStatusCode.Created);
        var no = opportunity.Str("no");
        Assert.Matches("^OP[0-9]{6}$", no);
        Assert.Equal($"/api/v1/opportunities/{no}", response.Headers.Location?.OriginalString);
        Assert.Equal("Asked about desks", opportunity.Str("description"));
        Assert.Equal(w.Person, opportunity.Str("contactNo"));
        Assert.Equal(w.Company, opportunity.Str("contactCompanyNo"));
        Assert.Equal(w.Salesperson, opportunity.Str("salespersonCode"));
        Assert.Equal(campaign, opportunity.Str("campaignNo"));
        Assert.Equal(Today, opportunity.Str("creationDate"));
        Assert.Equal(no, (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK)).Str("opportunityNo"));

        var opportunities = await DbAsync(provider, db => db.Opportunities.CountAsync());
        var again = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/createOpportunity", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(no, again.Str("detail"));

        var canceled = await LogAsync(w);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        var refused = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/createOpportunity", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("canceled", refused.Str("detail"));
        Assert.Null((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{canceled}")).JsonAsync(HttpStatusCode.OK)).Str("opportunityNo"));

        var postponed = await LogAsync(w, new { postpone = true });
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{postponed}/createOpportunity", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/999999999/createOpportunity", new { })).ProblemAsync(HttpStatusCode.NotFound);

        // A contact blocked for privacy reasons after the call gets no opportunity.
        var blockedEntry = await LogAsync(w);
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { privacyBlocked = true })).JsonAsync(HttpStatusCode.OK);
        var blocked = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{blockedEntry}/createOpportunity", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(w.Person, blocked.Str("detail"));
        Assert.Equal(opportunities, await DbAsync(provider, db => db.Opportunities.CountAsync()));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_entry_attachment_downloads_as_the_template_had_it_and_an_entry_without_one_is_404(string provider)
    {
        var w = await WorldAsync(provider);
        var group = Unique.Code("G")[..8];
        await (await w.Admin.PostAsync("/api/v1/interactionGroups", new { code = group })).JsonAsync(HttpStatusCode.Created);
        var letter = Unique.Code("L")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code = letter, interactionGroupCode = group, description = "Letter", languageCodeDefault = "ENU" })).JsonAsync(HttpStatusCode.Created);
        var html = $"<p>Dear customer {Guid.NewGuid()}</p>";
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{letter}/languages/ENU/attachment", Files.Form("letter.html", Files.Text(html)))).JsonAsync(HttpStatusCode.OK);
        var withFile = EntryNo(await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = letter, salespersonCode = w.Salesperson, correspondenceType = "hardCopy" }))
            .JsonAsync(HttpStatusCode.Created));

        var download = await w.Client.GetAsync($"/api/v1/interactionLogEntries/{withFile}/attachment");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("letter.html", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(html, await download.Content.ReadAsStringAsync());

        var withoutFile = await LogAsync(w);
        var none = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{withoutFile}/attachment")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no attachment", none.Str("detail"));
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries/999999999/attachment")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_58_a_phone_call_is_logged_with_the_outgoing_calls_template_and_the_contacts_number(string provider)
    {
        var w = await WorldAsync(provider);
        var entries = await DbAsync(provider, db => db.InteractionLogEntries.CountAsync());

        // Not set up: BC's TestField, nothing logged.
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = (string?)null })).JsonAsync(HttpStatusCode.OK);
        var notSetUp = await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Outg. Calls must have a value in Interaction Template Setup", notSetUp.Str("detail"));
        Assert.Equal(entries, await DbAsync(provider, db => db.InteractionLogEntries.CountAsync()));

        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = w.Template })).JsonAsync(HttpStatusCode.OK);
        var response = await w.Client.PostAsync("/api/v1/phoneCalls", new
        {
            contactNo = w.Company, salespersonCode = w.Salesperson, evaluation = "positive", attemptFailed = true, durationMin = 7,
            comments = new[] { "No answer, left a message" },
        });
        var call = await response.JsonAsync(HttpStatusCode.Created);
        var callNo = EntryNo(call);
        Assert.Equal($"/api/v1/interactionLogEntries/{callNo}", response.Headers.Location?.OriginalString);
        Assert.Equal(w.Template, call.Str("interactionTemplateCode"));
        Assert.Equal("Outgoing call", call.Str("description"));
        Assert.Equal(Today, call.Str("date"));
        Assert.Equal("positive", call.Str("evaluation"));
        Assert.True(call.GetProperty("attemptFailed").GetBoolean());
        Assert.Equal(7m, call.GetProperty("durationMin").GetDecimal());
        Assert.Equal("none", call.Str("deliveryStatus"));
        Assert.Equal("none", call.Str("correspondenceType"));
        Assert.True(call.GetProperty("hasComments").GetBoolean());
        Assert.Equal("+31 20 555 0100", await DbAsync(provider, db => db.InteractionLogEntries.Where(e => e.EntryNo == callNo).Select(e => e.ContactVia).SingleAsync()));

        // The person has no numbers (it took the company's phone no. when it was made): the mobile one when there is
        // only that, else the caller names the number.
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { phoneNo = (string?)null })).JsonAsync(HttpStatusCode.OK);
        var noPhone = await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Person, salespersonCode = w.Salesperson })).ProblemAsync(HttpStatusCode.BadRequest, "contactVia");
        Assert.Equal("You must fill in the phone number.", noPhone.Str("detail"));
        var dialled = EntryNo(await (await w.Client.PostAsync("/api/v1/phoneCalls", new
        {
            contactNo = w.Person, salespersonCode = w.Salesperson, contactVia = "+31 6 1234 5678", description = "Follow-up call",
            date = "2026-03-02", timeOfInteraction = "10:15:00",
        })).JsonAsync(HttpStatusCode.Created));
        Assert.Equal("+31 6 1234 5678", await DbAsync(provider, db => db.InteractionLogEntries.Where(e => e.EntryNo == dialled).Select(e => e.ContactVia).SingleAsync()));
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { mobilePhoneNo = "+31 6 8765 4321" })).JsonAsync(HttpStatusCode.OK);
        var mobile = EntryNo(await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Person, salespersonCode = w.Salesperson })).JsonAsync(HttpStatusCode.Created));
        Assert.Equal("+31 6 8765 4321", await DbAsync(provider, db => db.InteractionLogEntries.Where(e => e.EntryNo == mobile).Select(e => e.ContactVia).SingleAsync()));

        // BC's step-1 checks and bad input: a clear 400, nothing logged.
        entries = await DbAsync(provider, db => db.InteractionLogEntries.CountAsync());
        var noSalesperson = await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        Assert.Equal("You must fill in the Salesperson Code field.", noSalesperson.Str("detail"));
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { salespersonCode = w.Salesperson })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = "NOSUCH", salespersonCode = w.Salesperson })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson, evaluation = "great" })).ProblemAsync(HttpStatusCode.BadRequest, "evaluation");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson, contactVia = new string('9', 81) })).ProblemAsync(HttpStatusCode.BadRequest, "contactVia");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson, comments = new[] { new string('c', 81) } })).ProblemAsync(HttpStatusCode.BadRequest, "comments");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson, interactionTemplateCode = w.Template })).ProblemAsync(HttpStatusCode.BadRequest, "interactionTemplateCode");
        Assert.Equal(entries, await DbAsync(provider, db => db.InteractionLogEntries.CountAsync()));
    }
}
