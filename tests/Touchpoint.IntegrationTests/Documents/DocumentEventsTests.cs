using System.Net;
using System.Text.Json;
using Touchpoint.Core.Documents;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Documents;

public sealed class DocumentEventsTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Every_document_type_is_logged_with_the_template_of_its_own_setup_field(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var templates = new Dictionary<string, string>();
        var setup = new Dictionary<string, object?>();
        foreach (var type in DocumentTypes.All)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
            var code = Unique.Code("D")[..9];
            await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code, interactionGroupCode = w.Group, description = $"Doc {name}" }))
                .JsonAsync(HttpStatusCode.Created);
            templates[name] = code;
            setup[DocumentTypes.SetupField(type).Key] = code;
        }
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", setup)).JsonAsync(HttpStatusCode.OK);

        foreach (var (name, code) in templates)
        {
            var documentNo = Unique.Code("N");
            var answer = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = name, documentNo, contactNo = w.Person, versionNo = 2, docNoOccurrence = 1 }))
                .JsonAsync(HttpStatusCode.Created);
            Assert.True(answer.GetProperty("logged").GetBoolean());
            var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{answer.GetProperty("entryNo").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal((code, name, documentNo, 2), (entry.Str("interactionTemplateCode"), entry.Str("documentType"), entry.Str("documentNo"), entry.GetProperty("versionNo").GetInt32()));
            Assert.Equal($"Doc {name}", entry.Str("description"));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_customer_s_document_goes_to_the_contact_of_its_business_relation_and_moves_with_it(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await SetupAsync(w, new { salesInvoice = w.Template });
        var customer = Unique.Code("C");
        var other = (await (await w.Client.PostAsync("/api/v1/contacts", new { name = "Other Co", salespersonCode = w.Salesperson })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/contacts/{w.Company}/businessRelations", new { linkToTable = "customer", linkNo = customer })).JsonAsync(HttpStatusCode.Created);
        var invoice = Unique.Code("INV");

        var first = await (await w.Client.PostAsync("/api/v1/documentEvents", new
        {
            documentType = "salesInvoice", documentNo = invoice, customerNo = customer, salespersonCode = w.Salesperson, description = "Invoice sent",
        })).JsonAsync(HttpStatusCode.Created);
        var entry = await EntryAsync(w, first);
        Assert.Equal((w.Company, "Invoice sent", w.Salesperson, "none"), (entry.Str("contactNo"), entry.Str("description"), entry.Str("salespersonCode"), entry.Str("deliveryStatus")));

        // The relation moves to another contact: the next event is logged there, its salesperson taken from that contact.
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/contacts/{w.Company}/businessRelations/customer/{customer}")).StatusCode);
        await (await w.Client.PostAsync($"/api/v1/contacts/{other}/businessRelations", new { linkToTable = "customer", linkNo = customer })).JsonAsync(HttpStatusCode.Created);
        var second = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = invoice, customerNo = customer }))
            .JsonAsync(HttpStatusCode.Created);
        entry = await EntryAsync(w, second);
        Assert.Equal((other, "Outgoing call", w.Salesperson), (entry.Str("contactNo"), entry.Str("description"), entry.Str("salespersonCode")));

        // A user looking at the invoice number sees every time it was sent.
        var sent = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?documentType=salesInvoice&documentNo={invoice}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, sent.GetProperty("value").GetArrayLength());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Nothing_logged_is_never_silent(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await SetupAsync(w, new { salesQuote = (string?)null, purchaseOrder = w.Template });
        var quote = Unique.Code("Q");

        var noTemplate = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesQuote", documentNo = quote, contactNo = w.Person }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((false, "noTemplate"), (noTemplate.GetProperty("logged").GetBoolean(), noTemplate.Str("reason")));
        var noContact = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "purchaseOrder", documentNo = quote, vendorNo = "NOSUCHVENDOR" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((false, "noContact"), (noContact.GetProperty("logged").GetBoolean(), noContact.Str("reason")));
        var unknownContact = await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "purchaseOrder", documentNo = quote, contactNo = "NOSUCH" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("noContact", unknownContact.Str("reason"));
        var entries = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?documentNo={quote}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, entries.GetProperty("value").GetArrayLength());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Wrong_input_is_refused_at_its_field(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentNo = "X", contactNo = w.Person })).ProblemAsync(HttpStatusCode.BadRequest, "documentType");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesFax", contactNo = w.Person })).ProblemAsync(HttpStatusCode.BadRequest, "documentType");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", contactNo = w.Person, customerNo = "C1" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "customerNo");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice" })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", contactNo = w.Person, versionNo = -1 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "versionNo");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", contactNo = w.Person, documentNo = new string('9', 21) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "documentNo");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", contactNo = w.Person, copies = 2 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "copies");
        // Codes that name nothing are refused too, once a template would otherwise log the event; nothing is written.
        await SetupAsync(w, new { salesInvoice = w.Template });
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = "SI-BAD", contactNo = w.Person, salespersonCode = "NOBODY" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        await (await w.Client.PostAsync("/api/v1/documentEvents", new { documentType = "salesInvoice", documentNo = "SI-BAD", contactNo = w.Person, campaignNo = "NOCAMPAIGN" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        var entries = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}&documentNo=SI-BAD")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, entries.GetProperty("value").GetArrayLength());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_same_key_sent_50_times_at_once_makes_exactly_one_entry(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesOrderConfirmation = w.Template });
        var order = Unique.Code("SO");
        var key = Guid.NewGuid().ToString();
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.ClientAsync(Touchpoint.Core.Common.Roles.Sales)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documentEvents")
            {
                Content = JsonContent(new { documentType = "salesOrderConfirmation", documentNo = order, contactNo = w.Person }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await clients[i % clients.Length].SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("entryNo").GetInt64()).Distinct());
        var entries = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?documentNo={order}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, entries.GetProperty("value").GetArrayLength());
        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("noOfInteractions").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Events_sent_at_the_same_moment_are_written_together_and_each_gets_its_own_answer(string provider)
    {
        // 60 requests at once end up in a few shared writes: keyed and unkeyed, with and without a campaign, some that
        // cannot be logged and one key sent twice. Each answer must still be its own, and the statistics count each entry.
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesInvoice = w.Template });
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Batch campaign" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var prefix = Unique.Code("B");
        var twiceKey = Guid.NewGuid().ToString();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientAsync(Touchpoint.Core.Common.Roles.Sales)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var c = i == 58 ? 0 : i; // request 58 is a retry of request 0: the same event with the same key
            var unknownCustomer = c % 10 == 3;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documentEvents")
            {
                Content = JsonContent(unknownCustomer
                    ? new { documentType = "salesInvoice", documentNo = $"{prefix}-{c}", customerNo = (string?)"NOSUCHCUST", contactNo = (string?)null, campaignNo = (string?)null }
                    : new { documentType = "salesInvoice", documentNo = $"{prefix}-{c}", customerNo = (string?)null, contactNo = (string?)w.Person, campaignNo = c % 4 == 0 ? campaign : null }),
            };
            if (i % 2 == 0)
            {
                request.Headers.Add("Idempotency-Key", i is 0 or 58 ? twiceKey : $"{prefix}-{i}");
            }
            var response = await clients[i % clients.Length].SendAsync(request);
            return (i, response.StatusCode, Body: JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }));

        var logged = answers.Where(a => a.i % 10 != 3).ToList();
        Assert.All(answers.Where(a => a.i % 10 == 3), a => Assert.Equal((HttpStatusCode.OK, "noContact"), (a.StatusCode, a.Body.Str("reason"))));
        Assert.All(logged, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        // The retry gets the first answer: one entry for the two.
        Assert.Equal(logged.Single(a => a.i == 0).Body.GetProperty("entryNo").GetInt64(), logged.Single(a => a.i == 58).Body.GetProperty("entryNo").GetInt64());
        var entryNos = logged.Where(a => a.i != 58).Select(a => a.Body.GetProperty("entryNo").GetInt64()).ToList();
        Assert.Equal(entryNos.Count, entryNos.Distinct().Count());
        foreach (var a in logged.Where(a => a.i != 58))
        {
            // Each answer names the entry of its own document, with its own campaign.
            var entry = await EntryAsync(w, a.Body);
            var documentNo = entry.Str("documentNo");
            Assert.Equal($"{prefix}-{a.i}", documentNo);
            Assert.Equal(a.i % 4 == 0 ? campaign : null, entry.Str("campaignNo"));
        }
        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entryNos.Count, stats.GetProperty("noOfInteractions").GetInt32());
        // Rule 47 per entry: a campaign entry of its own.
        var inCampaign = (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?campaignNo={campaign}&limit=100")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(logged.Count(a => a.i % 4 == 0 && a.i != 58), inCampaign.Count);
        Assert.Equal(inCampaign.Count, inCampaign.Select(e => e.GetProperty("campaignEntryNo").GetInt64()).Distinct().Count());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, TouchpointApp.Json), System.Text.Encoding.UTF8, "application/json");

    private static async Task SetupAsync(InteractionWorld w, object fields) =>
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", fields)).JsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> EntryAsync(InteractionWorld w, JsonElement answer) =>
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{answer.GetProperty("entryNo").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
}
