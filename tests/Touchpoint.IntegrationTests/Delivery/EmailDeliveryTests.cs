using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;
using static Touchpoint.IntegrationTests.Delivery.DeliveryKit;

namespace Touchpoint.IntegrationTests.Delivery;

/// <summary>
/// E-mail delivery (rules 20–21, 44, 46–49) against a real SMTP server on 127.0.0.1: what arrives, and what the
/// entries say afterwards.
/// </summary>
public sealed class EmailDeliveryTests
{
    private static Task<HttpResponseMessage> SendAsync(InteractionWorld w, string contactNo, bool send = true, bool asAttachment = false) =>
        w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Spring offer",
            correspondenceType = "email", send, sendWordDocsAsAttmt = asAttachment,
        });

    private static string Html(MimeMessage message) => message.HtmlBody ?? "";

    [Theory, SqliteData, PostgresData]
    public async Task Sending_an_interaction_mails_the_letter_merged_for_the_contact_and_marks_the_entry_delivered(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contact = await PersonAsync(m.W, "Märta <Mail>", "marta@example.test");

        var created = await (await SendAsync(m.W, contact)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("inProgress", created.Str("deliveryStatus"));

        var message = Assert.Single(await m.Smtp.WaitForAsync(1));
        var entryNo = created.GetProperty("entryNo").GetInt64();
        Assert.Equal("marta@example.test", message.To.Mailboxes.Single().Address);
        Assert.Equal((TestSmtpServer.From, TestSmtpServer.FromName), (message.From.Mailboxes.Single().Address, message.From.Mailboxes.Single().Name));
        Assert.Equal("sam@seller.test", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Spring offer", message.Subject);
        Assert.StartsWith($"entry-{entryNo}.", message.MessageId, StringComparison.Ordinal);
        // The contact's name merged, escaped, into the letter's HTML.
        Assert.Contains("Märta &lt;Mail&gt;", Html(message), StringComparison.Ordinal);
        Assert.Contains("Dear customer &amp; friend,", Html(message), StringComparison.Ordinal);
        Assert.Empty(message.Attachments);

        var entry = await DeliveredAsync(m.W, entryNo);
        Assert.Equal("none", entry.Str("deliveryStatus"));
        Assert.Equal(JsonValueKind.String, entry.GetProperty("deliveredAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("deliveryError").ValueKind);
        Assert.Equal(0, await SorterRowsAsync(m.App));
    }

    [Theory, SqliteData, PostgresData]
    public async Task With_send_word_docs_as_attachment_the_merged_letter_is_attached(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contact = await PersonAsync(m.W, "Arne Attached", "arne@example.test");

        await (await SendAsync(m.W, contact, asAttachment: true)).JsonAsync(HttpStatusCode.Created);

        var message = Assert.Single(await m.Smtp.WaitForAsync(1));
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("letter.docx", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Contains("Arne Attached", Core.Delivery.WordHtml.FromDocx(content.ToArray()), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_segment_logged_with_send_mails_each_line_its_own_letter_and_nothing_else(string provider)
    {
        await using var m = await MailingAsync(provider);
        var names = new[] { "Anna Alpha", "Bert Beta", "Cleo Gamma" };
        var contacts = new List<string>();
        foreach (var name in names)
        {
            contacts.Add(await PersonAsync(m.W, name, $"{name.Split(' ')[0].ToLowerInvariant()}@example.test"));
        }
        var no = await SegmentLogTests.SegmentAsync(m.W, new { description = "Spring mailing", correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        await SegmentLogTests.AddAsync(m.W, no, new { contactNos = contacts });

        var logged = await (await m.W.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).JsonAsync(HttpStatusCode.OK);

        var messages = await m.Smtp.WaitForAsync(3);
        Assert.Equal(names.Select(n => $"{n.Split(' ')[0].ToLowerInvariant()}@example.test").Order(),
            messages.Select(x => x.To.Mailboxes.Single().Address).Order());
        foreach (var message in messages)
        {
            var name = names.Single(n => message.To.Mailboxes.Single().Address.StartsWith(n.Split(' ')[0].ToLowerInvariant(), StringComparison.Ordinal));
            Assert.Contains(name, Html(message), StringComparison.Ordinal);
            Assert.All(names.Where(n => n != name), other => Assert.DoesNotContain(other, Html(message), StringComparison.Ordinal));
        }
        var entries = await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged.GetProperty("loggedSegmentEntryNo").GetInt64()}");
        foreach (var entry in entries)
        {
            Assert.Equal("none", (await DeliveredAsync(m.W, entry.GetProperty("entryNo").GetInt64())).Str("deliveryStatus"));
        }
        await Task.Delay(500);
        Assert.Equal(3, m.Smtp.Messages.Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Finishing_a_postponed_interaction_with_send_mails_it(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contact = await PersonAsync(m.W, "Petra Postponed", "petra@example.test");
        var postponed = await (await m.W.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = contact, interactionTemplateCode = m.W.Template, salespersonCode = m.W.Salesperson, description = "Spring offer",
            correspondenceType = "email", send = true, postpone = true,
        })).JsonAsync(HttpStatusCode.Created);
        var entryNo = postponed.GetProperty("entryNo").GetInt64();
        await Task.Delay(300);
        Assert.Empty(m.Smtp.Messages);

        var finished = await (await m.W.Client.PostAsync($"/api/v1/postponedInteractions/{entryNo}/resume", new { send = true }))
            .JsonAsync(HttpStatusCode.OK);

        // The worker may have sent it already by the time the answer is read back: then it is delivered, not failed.
        if (finished.Str("deliveryStatus") != "inProgress")
        {
            Assert.Equal("none", finished.Str("deliveryStatus"));
            Assert.NotEqual(JsonValueKind.Null, finished.GetProperty("deliveredAt").ValueKind);
        }
        var message = Assert.Single(await m.Smtp.WaitForAsync(1));
        Assert.Contains("Petra Postponed", Html(message), StringComparison.Ordinal);
        Assert.Equal("none", (await DeliveredAsync(m.W, entryNo)).Str("deliveryStatus"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_recipient_the_server_refuses_gives_the_entry_an_error_with_the_servers_reason(string provider)
    {
        await using var m = await MailingAsync(provider);
        m.Smtp.Refuse("nobody@example.test");
        var contact = await PersonAsync(m.W, "Nora Nobody", "nobody@example.test");

        var created = await (await SendAsync(m.W, contact)).JsonAsync(HttpStatusCode.Created);

        var entry = await DeliveredAsync(m.W, created.GetProperty("entryNo").GetInt64());
        Assert.Equal("error", entry.Str("deliveryStatus"));
        Assert.Contains("550", entry.Str("deliveryError"), StringComparison.Ordinal);
        Assert.Contains(TestSmtpServer.RefusedReason, entry.Str("deliveryError"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("deliveredAt").ValueKind);
        Assert.Empty(m.Smtp.Messages);
        Assert.Equal(0, await SorterRowsAsync(m.App));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_server_that_is_down_is_tried_again_and_the_mail_delivered_when_it_is_back(string provider)
    {
        await using var m = await MailingAsync(provider);
        await m.Smtp.StopAsync();
        var contact = await PersonAsync(m.W, "Dora Down", "dora@example.test");

        var created = await (await SendAsync(m.W, contact)).JsonAsync(HttpStatusCode.Created);
        var entryNo = created.GetProperty("entryNo").GetInt64();
        await WaitAsync(async () => await AttemptsAsync(m.App, entryNo) >= 2);
        Assert.Equal("inProgress", (await EntryAsync(m.W, entryNo)).Str("deliveryStatus"));

        m.Smtp.Resume();

        Assert.Single(await m.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("none", (await DeliveredAsync(m.W, entryNo, TimeSpan.FromSeconds(30))).Str("deliveryStatus"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Without_smtp_a_call_that_would_send_email_is_refused_and_nothing_is_written(string provider)
    {
        using var app = new TouchpointApp(provider);
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU" });
        await LetterAsync(w);
        var contact = await PersonAsync(w, "Uma Unsent", "uma@example.test");

        var refused = await (await SendAsync(w, contact)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("not set up", refused.Str("detail"), StringComparison.Ordinal);
        var no = await SegmentLogTests.SegmentAsync(w, new { description = "Unsent", correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        await SegmentLogTests.AddAsync(w, no, new { contactNos = new[] { contact } });
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty(await SegmentLogTests.EntriesAsync(w, $"contactNo={contact}"));
        Assert.Equal(0, await SorterRowsAsync(app));
        // Without send it is logged as before.
        await (await SendAsync(w, contact, send: false)).JsonAsync(HttpStatusCode.Created);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_email_to_send_to_a_contact_without_an_address_is_refused(string provider)
    {
        await using var m = await MailingAsync(provider);
        var contact = await PersonAsync(m.W, "Ivo Inbox-less", null);

        await (await SendAsync(m.W, contact)).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");

        Assert.Empty(await SegmentLogTests.EntriesAsync(m.W, $"contactNo={contact}"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_mail_claimed_by_an_instance_that_died_is_sent_once_its_claim_has_run_out(string provider)
    {
        await using var m = await MailingAsync(provider);
        await m.Smtp.StopAsync();
        var contact = await PersonAsync(m.W, "Carl Crashed", "carl@example.test");
        var created = await (await SendAsync(m.W, contact)).JsonAsync(HttpStatusCode.Created);
        var entryNo = created.GetProperty("entryNo").GetInt64();
        // As a killed instance leaves it: claimed, sent or not, never marked; its claim runs for three more seconds. Taken
        // only while this instance's worker holds no claim on it (between its attempts), so that no attempt of its own is
        // under way.
        var claimedUntil = 0L;
        await WaitAsync(async () =>
        {
            claimedUntil = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeMilliseconds();
            return await m.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().DeliverySorter
                .Where(d => d.EntryNo == entryNo && d.ClaimedBy == null && d.Attempts > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, "killed-instance").SetProperty(d => d.ClaimedUntil, claimedUntil)
                    .SetProperty(d => d.NextAttemptAt, 0L))) == 1;
        });
        m.Smtp.Resume();

        // While the claim holds, nobody sends it; then this instance does, once.
        await Task.Delay(1500);
        Assert.Empty(m.Smtp.Messages);
        Assert.Single(await m.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("none", (await DeliveredAsync(m.W, entryNo, TimeSpan.FromSeconds(30))).Str("deliveryStatus"));
        await Task.Delay(500);
        Assert.Single(m.Smtp.Messages);
    }

    [Theory, PostgresData]
    public async Task Two_instances_on_one_database_send_each_mail_once(string provider)
    {
        await using var m = await MailingAsync(provider);
        using var second = new TouchpointApp(m.App).WithSmtp(m.Smtp);
        _ = second.Services; // its worker runs too
        var contacts = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            contacts.Add(await PersonAsync(m.W, $"Twin {i:D2}", $"twin{i:D2}@example.test"));
        }
        var no = await SegmentLogTests.SegmentAsync(m.W, new { description = "Twins", correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        await SegmentLogTests.AddAsync(m.W, no, new { contactNos = contacts });

        await (await m.W.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).JsonAsync(HttpStatusCode.OK);

        await m.Smtp.WaitForAsync(40);
        await WaitAsync(async () => await SorterRowsAsync(m.App) == 0);
        await Task.Delay(1000);
        var messages = m.Smtp.Messages;
        Assert.Equal(40, messages.Count);
        Assert.Equal(40, messages.Select(x => x.MessageId).Distinct().Count());
    }
}
