using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>What every path into the one logging pipeline must get right: its checks, its keys, its codes.</summary>
public sealed class LoggingPipelineTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_blank_description_is_refused_when_the_template_has_none_either(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider), template: new { description = "" });
        var before = await CountAsync(w);

        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .ProblemAsync(HttpStatusCode.BadRequest, "description");
        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "   " }))
            .ProblemAsync(HttpStatusCode.BadRequest, "description");

        Assert.Equal(before, await CountAsync(w));
        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Called back" }))
            .JsonAsync(HttpStatusCode.Created);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_phone_call_sent_with_a_blank_number_is_refused(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider), company: new { phoneNo = "+31 30 123 4567" });
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = w.Template })).JsonAsync(HttpStatusCode.OK);

        await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson, contactVia = " " }))
            .ProblemAsync(HttpStatusCode.BadRequest, "contactVia");
        // Left out, the number is the contact's (rule 58).
        var entry = await (await w.Client.PostAsync("/api/v1/phoneCalls", new { contactNo = w.Company, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(w));
        Assert.Equal(w.Template, entry.Str("interactionTemplateCode"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_document_no_is_a_code_found_in_any_case(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { salesInvoice = w.Template })).JsonAsync(HttpStatusCode.OK);
        var number = "si-" + Unique.Code("X").ToLowerInvariant();

        var answer = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = number, contactNo = w.Person }))
            .JsonAsync(HttpStatusCode.Created);
        var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{answer.GetProperty("entryNo").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(number.ToUpperInvariant(), entry.Str("documentNo"));
        foreach (var asked in new[] { number, number.ToUpperInvariant() })
        {
            var found = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?documentType=salesInvoice&documentNo={asked}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(1, found.GetProperty("value").GetArrayLength());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_interaction_retried_with_its_key_is_logged_once_and_a_key_reused_for_another_is_refused(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var key = Guid.NewGuid().ToString();
        var body = new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "First call" };

        var first = await (await PostWithKeyAsync(w.Client, "/api/v1/interactions", body, key)).JsonAsync(HttpStatusCode.Created);
        // Ten retries at once: the same answer each time, nothing new logged.
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostWithKeyAsync(w.Client, "/api/v1/interactions", body, key)));
        foreach (var retry in retries)
        {
            var again = await retry.JsonAsync(HttpStatusCode.Created);
            Assert.Equal(first.GetProperty("entryNo").GetInt64(), again.GetProperty("entryNo").GetInt64());
        }
        Assert.Equal(1, await CountAsync(w));

        // The same key with another body, or on another endpoint: 422, and nothing is written.
        await (await PostWithKeyAsync(w.Client, "/api/v1/interactions", body with { description = "Second call" }, key))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = w.Template })).JsonAsync(HttpStatusCode.OK);
        await (await PostWithKeyAsync(w.Client, "/api/v1/phoneCalls", new { contactNo = w.Person, salespersonCode = w.Salesperson, contactVia = "123" }, key))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(1, await CountAsync(w));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Copies_of_one_request_sent_at_once_share_one_entry_and_another_request_with_its_key_is_refused(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var key = Guid.NewGuid().ToString();
        var body = new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Same" };
        var other = body with { description = "Other" };

        // Copies and an impostor arrive together, so that they can meet in one batch of the queue.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostWithKeyAsync(w.Client, "/api/v1/interactions", i == 7 ? other : body, key)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var created = statuses.Count(s => s == HttpStatusCode.Created);
        var refused = statuses.Count(s => s == HttpStatusCode.UnprocessableEntity);
        Assert.Equal(20, created + refused);
        Assert.Equal(1, await CountAsync(w));
        var entry = (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}")).JsonAsync(HttpStatusCode.OK)).GetProperty("value")[0];
        // Whichever came first owns the key; every other request got its answer or 422.
        Assert.Equal(entry.Str("description") == "Same" ? 19 : 1, created);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Requests_sent_at_once_each_get_their_own_answer_when_some_are_refused(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        // Sent together so that they are built in the same batch of the queue, from rows read once for all of them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => w.Client.PostAsJsonAsync("/api/v1/interactions", new
        {
            contactNo = i % 3 == 1 ? "NO-SUCH-CONTACT" : w.Person,
            interactionTemplateCode = w.Template,
            salespersonCode = i % 3 == 2 ? "NOSUCH" : w.Salesperson,
            description = $"Call {i}",
        })));
        for (var i = 0; i < responses.Length; i++)
        {
            switch (i % 3)
            {
                case 0:
                    var entry = await responses[i].JsonAsync(HttpStatusCode.Created);
                    Assert.Equal($"Call {i}", entry.Str("description"));
                    Assert.Equal(w.Person, entry.Str("contactNo"));
                    break;
                case 1:
                    await responses[i].ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
                    break;
                default:
                    await responses[i].ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
                    break;
            }
        }
        Assert.Equal(10, await CountAsync(w));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Requests_refused_together_are_each_told_why_in_their_own_language(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var expected = new Dictionary<string, string>
        {
            ["en"] = "Salesperson NOSUCH does not exist.",
            ["nl"] = "Verkoper NOSUCH bestaat niet.",
            ["sv"] = "Säljaren NOSUCH finns inte.",
            ["ru"] = "Продавец NOSUCH не существует.",
        };
        var languages = Enumerable.Range(0, 24).Select(i => expected.Keys.ElementAt(i % expected.Count)).ToList();
        // Built together in the queue's batches, whose writer serves every caller: each message is its caller's.
        var responses = await Task.WhenAll(languages.Select(language =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/interactions")
            {
                Content = JsonContent.Create(new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = "NOSUCH", description = "Call" }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            return w.Client.SendAsync(request);
        }));
        for (var i = 0; i < responses.Length; i++)
        {
            var problem = await responses[i].ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
            Assert.Equal(expected[languages[i]], problem.GetProperty("errors").GetProperty("salespersonCode")[0].GetString());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_document_event_key_reused_with_another_document_is_refused_not_dropped(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { salesInvoice = w.Template })).JsonAsync(HttpStatusCode.OK);
        var key = Guid.NewGuid().ToString();
        await (await PostWithKeyAsync(w.Client, "/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = "A-1", contactNo = w.Person }, key))
            .JsonAsync(HttpStatusCode.Created);
        await (await PostWithKeyAsync(w.Client, "/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = "A-1", contactNo = w.Person }, key))
            .JsonAsync(HttpStatusCode.Created);
        await (await PostWithKeyAsync(w.Client, "/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = "A-2", contactNo = w.Person }, key))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(1, await CountAsync(w));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_its_caller_read_with_the_line_is_checked_as_read(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var today = DateOnly.FromDateTime(DateTime.Now);
        LineToLog Line(string description, ContactOnFile contact) => new()
        {
            Line = new InteractionLine
            {
                ContactNo = w.Person, InteractionTemplateCode = w.Template, InteractionGroupCode = w.Group, SalespersonCode = w.Salesperson,
                Date = today, TimeOfInteraction = new TimeOnly(9, 0), Description = description, CorrespondenceType = CorrespondenceType.Email,
            },
            UserId = "sales@test.local",
            SegmentLineNo = 10000,
            Contact = contact,
        };

        // Rule 46 with the contact as its caller found it: none, so refused ...
        var refused = await Assert.ThrowsAsync<DomainException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<LogInteraction>().HandleAsync(Line("Gone", ContactOnFile.Missing))));
        Assert.Contains("lines[10000].contactNo", refused.Errors.Keys);
        // ... with an address (the person has none in the database): the e-mail keeps its type, as it was not read again;
        // without one, it goes without (rule 46).
        var entries = await app.WithScopeAsync(sp => sp.GetRequiredService<LogInteraction>().HandleAsync(
            [Line("Mailed", ContactOnFile.FromLookUp("read@example.com")), Line("Unmailed", ContactOnFile.FromLookUp(""))]));
        Assert.Equal([CorrespondenceType.Email, CorrespondenceType.None], entries.Select(e => e.CorrespondenceType));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountAsync(InteractionWorld w)
    {
        var company = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&limit=1000")).JsonAsync(HttpStatusCode.OK);
        return company.GetProperty("value").GetArrayLength();
    }
}
