using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

public sealed class PostponedAndDeleteTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private sealed record World(HttpClient Client, string Contact, string Salesperson, string Template, string Group);

    private async Task<World> WorldAsync(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var client = await app.ClientAsync(Roles.Sales);
        var salesperson = Unique.Code("S");
        await (await admin.PostAsync("/api/v1/salespeople", new { code = salesperson, name = "Pia Post" })).JsonAsync(HttpStatusCode.Created);
        var contact = (await (await client.PostAsync("/api/v1/contacts", new { name = "Postponed Co" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var group = Unique.Code("G")[..8];
        await (await admin.PostAsync("/api/v1/interactionGroups", new { code = group })).JsonAsync(HttpStatusCode.Created);
        var template = Unique.Code("T")[..9];
        await (await admin.PostAsync("/api/v1/interactionTemplates", new { code = template, interactionGroupCode = group, description = "Letter", unitCostLcy = 2, languageCodeDefault = "ENU" })).JsonAsync(HttpStatusCode.Created);
        await (await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment", Files.Form("letter.docx", Files.Docx($"Letter {Guid.NewGuid()}")))).JsonAsync(HttpStatusCode.OK);
        return new World(client, contact, salesperson, template, group);
    }

    internal static Task<(int Entries, int Comments, int Attachments, int Contents)> CountAsync(TouchpointApp app) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            return (await db.InteractionLogEntries.CountAsync(), await db.InteractionLogEntryComments.CountAsync(),
                await db.Attachments.CountAsync(), await db.AttachmentContents.CountAsync());
        });

    [Theory, SqliteData, PostgresData]
    public async Task Resuming_a_postponed_interaction_completes_the_same_entry(string provider)
    {
        var w = await WorldAsync(provider);
        var postponed = await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Contact, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Draft letter",
            comments = new[] { "First thought" }, postpone = true,
        })).JsonAsync(HttpStatusCode.Created);
        var entryNo = postponed.GetProperty("entryNo").GetInt64();
        Assert.True(postponed.GetProperty("hasAttachment").GetBoolean());

        // Still postponed after a second save.
        var again = await (await w.Client.PostAsync($"/api/v1/postponedInteractions/{entryNo}/resume", new { description = "Better letter", postpone = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(again.GetProperty("postponed").GetBoolean());
        Assert.Equal("Better letter", again.Str("description"));

        var finished = await (await w.Client.PostAsync($"/api/v1/postponedInteractions/{entryNo}/resume", new { evaluation = "positive" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entryNo, finished.GetProperty("entryNo").GetInt64());
        Assert.False(finished.GetProperty("postponed").GetBoolean());
        Assert.Equal("Better letter", finished.Str("description"));
        Assert.Equal("positive", finished.Str("evaluation"));
        Assert.True(finished.GetProperty("hasComments").GetBoolean());
        var log = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Contact}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entryNo, Assert.Single(log.GetProperty("value").EnumerateArray()).GetProperty("entryNo").GetInt64());
        var stats = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Contact}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("noOfInteractions").GetInt32());

        // A finished entry is no longer postponed: it cannot be resumed or deleted as one.
        await (await w.Client.PostAsync($"/api/v1/postponedInteractions/{entryNo}/resume", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.DeleteAsync($"/api/v1/postponedInteractions/{entryNo}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PostAsync($"/api/v1/postponedInteractions/{entryNo + 1000000}/resume", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_postponed_interaction_is_deleted_with_its_comments_and_its_attachment(string provider)
    {
        var w = await WorldAsync(provider);
        var before = await CountAsync(apps.For(provider));
        var postponed = await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Contact, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, comments = new[] { "Note" }, postpone = true,
        })).JsonAsync(HttpStatusCode.Created);
        var list = await (await w.Client.GetAsync($"/api/v1/postponedInteractions?contactNo={w.Contact}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list.GetProperty("value").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/postponedInteractions/{postponed.GetProperty("entryNo").GetInt64()}")).StatusCode);
        var after = await CountAsync(apps.For(provider));
        Assert.Equal(before, after);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_canceled_entries_removes_only_canceled_ones_and_keeps_files_still_in_use(string provider)
    {
        var w = await WorldAsync(provider);
        var line = new { contactNo = w.Contact, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, comments = new[] { "c" } };
        var entryNos = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            entryNos.Add((await (await w.Client.PostAsync("/api/v1/interactions", line)).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64());
        }
        var countBefore = await CountAsync(apps.For(provider));
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel", new { entryNos = entryNos.Take(2).ToArray() })).JsonAsync(HttpStatusCode.OK);

        // Filters narrow it: another salesperson's canceled entries are not these.
        var none = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { contactNo = w.Contact, salespersonCode = "NOBODY" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("deleted").GetInt32());
        var result = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { contactNo = w.Contact, interactionTemplateCode = w.Template })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, result.GetProperty("deleted").GetInt32());

        var after = await CountAsync(apps.For(provider));
        Assert.Equal(countBefore.Entries - 2, after.Entries);
        Assert.Equal(countBefore.Comments - 2, after.Comments);
        Assert.Equal(countBefore.Attachments - 2, after.Attachments);
        // The letter's bytes stay: the template and the remaining entry still use them.
        Assert.Equal(countBefore.Contents, after.Contents);
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNos[0]}")).ProblemAsync(HttpStatusCode.NotFound);
        var kept = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNos[2]}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(kept.GetProperty("hasAttachment").GetBoolean());
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { dateFrom = "2026-05-01", dateTo = "2026-04-01" })).ProblemAsync(HttpStatusCode.BadRequest, "dateTo");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { dateFrom = "yesterday" })).ProblemAsync(HttpStatusCode.BadRequest, "dateFrom");
    }
}

public sealed class DeletedContactHistoryTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Rule_36_a_deleted_persons_entries_move_to_its_company_and_a_deleted_companys_lose_their_contact(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var salesperson = Unique.Code("S");
        await (await admin.PostAsync("/api/v1/salespeople", new { code = salesperson, name = "Del Seller" })).JsonAsync(HttpStatusCode.Created);
        var group = Unique.Code("G")[..8];
        await (await admin.PostAsync("/api/v1/interactionGroups", new { code = group })).JsonAsync(HttpStatusCode.Created);
        var template = Unique.Code("T")[..9];
        await (await admin.PostAsync("/api/v1/interactionTemplates", new { code = template, interactionGroupCode = group, description = "Visit" })).JsonAsync(HttpStatusCode.Created);
        var company = (await (await admin.PostAsync("/api/v1/contacts", new { name = "Gone Co" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var person = (await (await admin.PostAsync("/api/v1/contacts", new { type = "person", name = "Gone Person", companyNo = company })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var entry = (await (await admin.PostAsync("/api/v1/interactions", new { contactNo = person, interactionTemplateCode = template, salespersonCode = salesperson })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/contacts/{person}?confirm=true")).StatusCode);
        var moved = await (await admin.GetAsync($"/api/v1/interactionLogEntries/{entry}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(company, moved.Str("contactNo"));
        Assert.Equal(company, moved.Str("contactCompanyNo"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/contacts/{company}?confirm=true")).StatusCode);
        var orphaned = await (await admin.GetAsync($"/api/v1/interactionLogEntries/{entry}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("", orphaned.Str("contactNo"));
        Assert.Null(orphaned.Str("contactCompanyNo"));
        Assert.Equal("Visit", orphaned.Str("description"));
    }
}
