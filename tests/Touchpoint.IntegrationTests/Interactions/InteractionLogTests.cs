using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

public sealed class InteractionLogTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    /// <summary>A company with a person, a salesperson, a group and a phone-call-like template of their own.</summary>
    private Task<InteractionWorld> WorldAsync(string provider, object? templateExtra = null) =>
        InteractionWorld.CreateAsync(apps.For(provider), templateExtra);

    [Theory, SqliteData, PostgresData]
    public async Task An_interaction_takes_its_defaults_from_the_template_and_keeps_overrides(string provider)
    {
        var w = await WorldAsync(provider);
        var response = await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson });
        var entry = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/interactionLogEntries/{entry.GetProperty("entryNo").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Outgoing call", entry.Str("description"));
        Assert.Equal(w.Group, entry.Str("interactionGroupCode"));
        Assert.Equal(1.5m, entry.GetProperty("costLcy").GetDecimal());
        Assert.Equal(15m, entry.GetProperty("durationMin").GetDecimal());
        Assert.Equal("outbound", entry.Str("informationFlow"));
        Assert.Equal(w.Company, entry.Str("contactCompanyNo"));
        Assert.Equal("Log Co", entry.Str("contactCompanyName"));
        Assert.Equal("Outgoing call - by Sam Seller", entry.Str("title"));
        Assert.Equal("sales@test.local", entry.Str("userId"));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.Str("date"));
        Assert.EndsWith(":00", entry.Str("timeOfInteraction"));

        var overridden = await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Called about chairs",
            costLcy = 0, durationMin = 42, date = "2026-03-02", timeOfInteraction = "09:30:00", evaluation = "positive", attemptFailed = true,
            comments = new[] { "Wants a quote", "Call back in May" },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Called about chairs", overridden.Str("description"));
        Assert.Equal(0m, overridden.GetProperty("costLcy").GetDecimal());
        Assert.Equal(42m, overridden.GetProperty("durationMin").GetDecimal());
        Assert.Equal("2026-03-02", overridden.Str("date"));
        Assert.Equal("09:30:00", overridden.Str("timeOfInteraction"));
        Assert.Equal("positive", overridden.Str("evaluation"));
        Assert.True(overridden.GetProperty("attemptFailed").GetBoolean());
        Assert.True(overridden.GetProperty("hasComments").GetBoolean());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_19_the_first_missing_field_is_named_with_BCs_message_and_nothing_is_stored(string provider)
    {
        var w = await WorldAsync(provider);
        var before = await CountAsync(provider);
        var noContact = await (await w.Client.PostAsync("/api/v1/interactions", new { interactionTemplateCode = w.Template })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        Assert.Equal("You must select a contact to interact with.", noContact.Str("detail"));
        var noTemplate = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person })).ProblemAsync(HttpStatusCode.BadRequest, "interactionTemplateCode");
        Assert.Equal("You must fill in the Interaction Template Code field.", noTemplate.Str("detail"));
        var noSalesperson = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        Assert.Equal("You must fill in the Salesperson Code field.", noSalesperson.Str("detail"));

        var line = new Dictionary<string, object?> { ["contactNo"] = w.Person, ["interactionTemplateCode"] = w.Template, ["salespersonCode"] = w.Salesperson };
        async Task Refused(string field, object? value, string? expectField = null)
        {
            var body = new Dictionary<string, object?>(line) { [field] = value };
            await (await w.Client.PostAsync("/api/v1/interactions", body)).ProblemAsync(HttpStatusCode.BadRequest, expectField ?? field);
        }
        await Refused("contactNo", "NOSUCH");
        await Refused("interactionTemplateCode", "NOSUCH");
        await Refused("salespersonCode", "NOSUCH");
        await Refused("costLcy", -1);
        await Refused("durationMin", -5);
        await Refused("comments", new[] { new string('c', 81) });
        await Refused("date", "31.12.2026");
        await Refused("timeOfInteraction", "25:00:00");
        await Refused("evaluation", "great");
        await Refused("campaignNo", "NOSUCH");
        await Refused("opportunityNo", "NOSUCH");
        await Refused("languageCode", "XXX");
        await Refused("description", new string('d', 101));
        Assert.Equal(before, await CountAsync(provider));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_19_an_email_interaction_needs_content(string provider)
    {
        var w = await WorldAsync(provider, new { correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        var refused = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .ProblemAsync(HttpStatusCode.BadRequest, "correspondenceType");
        Assert.StartsWith("The correspondence type for this interaction is Email", refused.Str("detail"));
        // The user may choose another correspondence type on the wizard page.
        var entry = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, correspondenceType = "hardCopy" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("hardCopy", entry.Str("correspondenceType"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_46_an_email_interaction_with_a_contact_without_email_address_is_logged_without_correspondence_type(string provider)
    {
        var w = await WorldAsync(provider, new { correspondenceTypeDefault = "email", ignoreContactCorresType = true, languageCodeDefault = "ENU" });
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment", Files.Form("mail.docx", Files.Docx($"Mail {Guid.NewGuid()}"))))
            .JsonAsync(HttpStatusCode.OK);
        var withEmail = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Mia Mail", companyNo = w.Company, email = "mia@example.com" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");

        var noAddress = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("none", noAddress.Str("correspondenceType"));
        var mailed = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = withEmail, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("email", mailed.Str("correspondenceType"));
        // The answer is what was stored.
        var stored = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{noAddress.GetProperty("entryNo").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("none", stored.Str("correspondenceType"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Postponed_interactions_appear_only_on_their_own_list_and_count_in_no_statistic(string provider)
    {
        var w = await WorldAsync(provider);
        var line = new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson };
        await (await w.Client.PostAsync("/api/v1/interactions", line)).JsonAsync(HttpStatusCode.Created);
        var postponed = await (await w.Client.PostAsync("/api/v1/interactions", new { line.contactNo, line.interactionTemplateCode, line.salespersonCode, postpone = true }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.True(postponed.GetProperty("postponed").GetBoolean());

        var log = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(log.GetProperty("value").EnumerateArray());
        var later = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}&postponed=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(postponed.GetProperty("entryNo").GetInt64(), Assert.Single(later.GetProperty("value").EnumerateArray()).GetProperty("entryNo").GetInt64());

        var stats = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(1.5m, stats.GetProperty("costLcy").GetDecimal());
        var template = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, template.GetProperty("noOfInteractions").GetInt32());
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{postponed.GetProperty("entryNo").GetInt64()}/cancel", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Canceled_entries_stay_in_the_log_but_leave_every_statistic_and_a_company_counts_its_persons(string provider)
    {
        var w = await WorldAsync(provider);
        long Log(System.Text.Json.JsonElement e) => e.GetProperty("entryNo").GetInt64();
        var first = Log(await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-01-10", attemptFailed = true })).JsonAsync(HttpStatusCode.Created));
        var second = Log(await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Company, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-02-10" })).JsonAsync(HttpStatusCode.Created));
        var third = Log(await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-03-10" })).JsonAsync(HttpStatusCode.Created));

        var company = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Company}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, company.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(45m, company.GetProperty("durationMin").GetDecimal());
        var person = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/statistics?dateTo=2026-02-28")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, person.GetProperty("noOfInteractions").GetInt32());
        // Rule 24: a failed attempt counts and is the last date attempted, but not the date of the last interaction.
        Assert.Equal("2026-01-10", person.Str("lastDateAttempted"));
        Assert.Null(person.Str("dateOfLastInteraction"));

        var canceled = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{third}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(canceled.GetProperty("canceled").GetBoolean());
        company = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Company}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, company.GetProperty("noOfInteractions").GetInt32());
        var group = await (await w.Client.GetAsync($"/api/v1/interactionGroups/{w.Group}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, group.GetProperty("noOfInteractions").GetInt32());
        var seller = await (await w.Client.GetAsync($"/api/v1/salespeople/{w.Salesperson}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3m, seller.GetProperty("costLcy").GetDecimal());

        // The company's timeline holds its persons' entries too, newest first; canceled ones are still there.
        var timeline = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([third, second], timeline.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("entryNo").GetInt64()));
        var rest = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&limit=2&cursor={Uri.EscapeDataString(timeline.Str("nextCursor"))}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first, Assert.Single(rest.GetProperty("value").EnumerateArray()).GetProperty("entryNo").GetInt64());
        var onlyCanceled = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&canceled=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(onlyCanceled.GetProperty("value").EnumerateArray());

        // Several at once, all or none.
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel", new { entryNos = new[] { first, 999999999 } })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{first}")).JsonAsync(HttpStatusCode.OK)).GetProperty("canceled").GetBoolean());
        var batch = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/uncancel", new { entryNos = new[] { third } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, batch.GetProperty("count").GetInt32());
        company = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Company}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, company.GetProperty("noOfInteractions").GetInt32());
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel", new { entryNos = Array.Empty<long>() })).ProblemAsync(HttpStatusCode.BadRequest, "entryNos");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_30_an_entry_of_a_canceled_campaign_entry_cannot_be_uncanceled_alone(string provider)
    {
        var w = await WorldAsync(provider);
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Spring" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var entry = await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, campaignNo = campaign, campaignTarget = true }))
            .JsonAsync(HttpStatusCode.Created);
        var entryNo = entry.GetProperty("entryNo").GetInt64();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, entry.GetProperty("campaignEntryNo").ValueKind);
        var stats = await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("targetContactsContacted").GetInt32());

        // Canceling the campaign entry (rule 31 arrives with logged segments) is done here on the table itself.
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await apps.For(provider).WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().CampaignEntries
            .Where(c => c.EntryNo == entry.GetProperty("campaignEntryNo").GetInt64()).ExecuteUpdateAsync(s => s.SetProperty(c => c.Canceled, true)));
        var blocked = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/uncancel", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Campaign Entry", blocked.Str("detail"));
        Assert.True((await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK)).GetProperty("canceled").GetBoolean());
    }

    private Task<int> CountAsync(string provider) =>
        apps.For(provider).WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.CountAsync());
}
