using System.Net;
using System.Text.Json;
using Touchpoint.Core.Delivery;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;
using UglyToad.PdfPig;
using static Touchpoint.IntegrationTests.Delivery.DeliveryKit;

namespace Touchpoint.IntegrationTests.Delivery;

/// <summary>
/// Hard copies (rule 49) with the real LibreOffice, read back with PdfPig, and resending (rule 50) through a real SMTP
/// server: the preview, a logged segment's letters as one PDF, and what resending sends and logs.
/// </summary>
public sealed class HardCopyAndResendTests
{
    private static readonly string[] Names = ["Anna Alpha", "Bert Beta", "Cleo Gamma"];

    private static async Task<List<string>> PeopleAsync(InteractionWorld w) =>
        [.. await Task.WhenAll(Names.Select(n => PersonAsync(w, n, $"{n.Split(' ')[0].ToLowerInvariant()}@example.test")))];

    /// <summary>Logs a segment of the three people with "Send"; returns its logged segment's entry no.</summary>
    private static async Task<long> LogSegmentAsync(InteractionWorld w, IReadOnlyList<string> contacts, string correspondenceType)
    {
        var no = await SegmentLogTests.SegmentAsync(w, new { description = "Autumn letters", correspondenceTypeDefault = correspondenceType, ignoreContactCorresType = true });
        // One by one, so that the line order is the order of the names.
        foreach (var contact in contacts)
        {
            await SegmentLogTests.AddAsync(w, no, new { contactNos = new[] { contact } });
        }
        var logged = await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).JsonAsync(HttpStatusCode.OK);
        return logged.GetProperty("loggedSegmentEntryNo").GetInt64();
    }

    private static async Task<byte[]> BytesAsync(HttpResponseMessage response, string contentType)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string[] PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(word => word.Text)))];
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_logged_segments_hard_copies_are_one_pdf_in_line_order_and_printing_delivers_them(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contacts = await PeopleAsync(m.W);
        var logged = await LogSegmentAsync(m.W, contacts, "hardCopy");
        var entries = await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}");
        Assert.All(entries, e => Assert.Equal("inProgress", e.Str("deliveryStatus")));

        var pdf = await BytesAsync(await m.W.Client.GetAsync($"/api/v1/loggedSegments/{logged}/document"), "application/pdf");

        var pages = PdfPages(pdf);
        Assert.Equal(3, pages.Length);
        for (var i = 0; i < Names.Length; i++)
        {
            Assert.Contains(Names[i], pages[i], StringComparison.Ordinal);
            Assert.All(Names.Where(n => n != Names[i]), other => Assert.DoesNotContain(other, pages[i], StringComparison.Ordinal));
        }
        foreach (var entry in await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}"))
        {
            Assert.Equal("none", entry.Str("deliveryStatus"));
            Assert.Equal(JsonValueKind.String, entry.GetProperty("deliveredAt").ValueKind);
        }
        Assert.Equal(0, await SorterRowsAsync(m.App));
        // Printing again gives the same letters; no mail was sent for hard copies.
        Assert.Equal(3, PdfPages(await BytesAsync(await m.W.Client.GetAsync($"/api/v1/loggedSegments/{logged}/document"), "application/pdf")).Length);
        Assert.Empty(m.Smtp.Messages);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_entrys_letter_can_be_previewed_merged_as_docx_or_pdf_without_delivering_it(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contacts = await PeopleAsync(m.W);
        var logged = await LogSegmentAsync(m.W, contacts[..1], "hardCopy");
        var entryNo = Assert.Single(await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}")).GetProperty("entryNo").GetInt64();

        var docx = await BytesAsync(await m.W.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/document?format=docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.Contains("Anna Alpha", WordHtml.FromDocx(docx), StringComparison.Ordinal);
        var pdf = await BytesAsync(await m.W.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/document?format=pdf"), "application/pdf");
        Assert.Contains("Anna Alpha", Assert.Single(PdfPages(pdf)), StringComparison.Ordinal);
        Assert.Equal("inProgress", (await EntryAsync(m.W, entryNo)).Str("deliveryStatus"));

        // Without a format it is the hard copy: printed, delivered.
        await BytesAsync(await m.W.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/document"), "application/pdf");
        Assert.Equal("none", (await EntryAsync(m.W, entryNo)).Str("deliveryStatus"));

        await (await m.W.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/document?format=odt")).ProblemAsync(HttpStatusCode.BadRequest, "format");
        await (await m.W.Client.GetAsync("/api/v1/interactionLogEntries/999999/document?format=pdf")).ProblemAsync(HttpStatusCode.NotFound);
        await (await m.W.Client.GetAsync("/api/v1/loggedSegments/999999/document")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Resending_an_entry_mails_it_again_as_a_new_delivery(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contacts = await PeopleAsync(m.W);
        var logged = await LogSegmentAsync(m.W, contacts[..1], "email");
        var entryNo = Assert.Single(await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}")).GetProperty("entryNo").GetInt64();
        var first = Assert.Single(await m.Smtp.WaitForAsync(1));
        await DeliveredAsync(m.W, entryNo);

        var resent = await (await m.W.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend", new { })).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(entryNo, Assert.Single(resent.EnumerateArray()).GetProperty("entryNo").GetInt64());
        var messages = await m.Smtp.WaitForAsync(2);
        Assert.Equal("anna@example.test", messages.ElementAt(1).To.Mailboxes.Single().Address);
        Assert.StartsWith($"entry-{entryNo}.", messages.ElementAt(1).MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, messages.ElementAt(1).MessageId);
        Assert.Equal("none", (await DeliveredAsync(m.W, entryNo)).Str("deliveryStatus"));
        Assert.Single(await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Resending_with_update_merge_fields_logs_a_resend_entry_and_delivers_that_one(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contacts = await PeopleAsync(m.W);
        var logged = await LogSegmentAsync(m.W, contacts[..1], "email");
        var original = Assert.Single(await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}"));
        var entryNo = original.GetProperty("entryNo").GetInt64();
        await m.Smtp.WaitForAsync(1);
        await DeliveredAsync(m.W, entryNo);

        var resent = Assert.Single((await (await m.W.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend",
            new { updateMergeFields = true })).JsonAsync(HttpStatusCode.Accepted)).EnumerateArray());

        var newNo = resent.GetProperty("entryNo").GetInt64();
        Assert.NotEqual(entryNo, newNo);
        Assert.Equal($"Resend: {original.Str("description")}", resent.Str("description"));
        Assert.Equal(logged, resent.GetProperty("loggedSegmentEntryNo").GetInt64());
        Assert.Equal("inProgress", resent.Str("deliveryStatus"));
        var messages = await m.Smtp.WaitForAsync(2);
        Assert.StartsWith($"entry-{newNo}.", messages.ElementAt(1).MessageId, StringComparison.Ordinal);
        Assert.Equal("none", (await DeliveredAsync(m.W, newNo)).Str("deliveryStatus"));
        Assert.Equal(2, (await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}")).Length);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Resending_a_logged_segments_failed_entries_sends_only_those(string provider)
    {
        await using var m = await MailingAsync(provider);
        m.Smtp.Refuse("bert@example.test");
        var contacts = await PeopleAsync(m.W);
        var logged = await LogSegmentAsync(m.W, contacts, "email");
        await m.Smtp.WaitForAsync(2);
        var entries = await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged}");
        foreach (var entry in entries)
        {
            await DeliveredAsync(m.W, entry.GetProperty("entryNo").GetInt64());
        }
        m.Smtp.Accept("bert@example.test");

        var resent = await (await m.W.Client.PostAsync($"/api/v1/loggedSegments/{logged}/resend", new { onlyFailed = true })).JsonAsync(HttpStatusCode.Accepted);

        var bert = Assert.Single(resent.EnumerateArray());
        Assert.Equal(contacts[1], bert.Str("contactNo"));
        var messages = await m.Smtp.WaitForAsync(3);
        Assert.Equal("bert@example.test", messages.ElementAt(2).To.Mailboxes.Single().Address);
        Assert.Equal("none", (await DeliveredAsync(m.W, bert.GetProperty("entryNo").GetInt64())).Str("deliveryStatus"));
        await Task.Delay(500);
        Assert.Equal(3, m.Smtp.Messages.Count);
        // Nothing failed any more: nothing to send.
        await (await m.W.Client.PostAsync($"/api/v1/loggedSegments/{logged}/resend", new { onlyFailed = true })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Resending_refuses_what_cannot_be_sent_and_changes_nothing(string provider)
    {
        using var app = new TouchpointApp(provider);
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU" });
        await LetterAsync(w);
        var contact = await PersonAsync(w, "Rita Resend", "rita@example.test");
        var logged = await LogSegmentAsync(w, [contact], "hardCopy");
        var entryNo = Assert.Single(await SegmentLogTests.EntriesAsync(w, $"loggedSegmentEntryNo={logged}")).GetProperty("entryNo").GetInt64();

        // Still waiting to be printed: nothing to send again.
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await w.Client.GetAsync($"/api/v1/loggedSegments/{logged}/document");
        // As e-mail, without an SMTP server: rule 21.
        var refused = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend", new { correspondenceType = "email" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("not set up", refused.Str("detail"), StringComparison.Ordinal);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend", new { correspondenceType = "fax" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "correspondenceType");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/resend", new { entryNos = Array.Empty<long>() }))
            .ProblemAsync(HttpStatusCode.BadRequest, "entryNos");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/resend", new { entryNos = new[] { entryNo, 999999L } }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("none", (await EntryAsync(w, entryNo)).Str("deliveryStatus"));
        Assert.Equal(0, await SorterRowsAsync(app));

        // As a hard copy again: waiting to be printed.
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/resend", new { correspondenceType = "hardCopy" })).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("inProgress", (await EntryAsync(w, entryNo)).Str("deliveryStatus"));
    }
}
