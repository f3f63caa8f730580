using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>Rule 29's second question: canceling may remove the attachments that no other entry or template language uses.</summary>
public sealed class CancelAttachmentTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string Language = "ENU";

    /// <summary>A world whose template has a letter, so that each logged entry gets a copy of its own.</summary>
    private static async Task<InteractionWorld> WorldAsync(TouchpointApp app)
    {
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = Language });
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/{Language}/attachment",
            Files.Form("letter.docx", Files.Docx($"Letter {Guid.NewGuid()}")))).JsonAsync(HttpStatusCode.OK);
        return w;
    }

    private static async Task<long> LogAsync(InteractionWorld w)
    {
        var entry = await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson,
        })).JsonAsync(HttpStatusCode.Created);
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
        return entry.GetProperty("entryNo").GetInt64();
    }

    private static Task<long> AttachmentOfAsync(TouchpointApp app, long entryNo) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .Where(e => e.EntryNo == entryNo).Select(e => e.AttachmentNo).SingleAsync())!.Value);

    private static Task<long> TemplateAttachmentAsync(TouchpointApp app, string template) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<ITouchpointDb>().InteractionTemplateLanguages.AsNoTracking()
            .Where(l => l.InteractionTemplateCode == template && l.LanguageCode == Language).Select(l => l.AttachmentNo).SingleAsync())!.Value);

    private static Task<bool> AttachmentExistsAsync(TouchpointApp app, long attachmentNo) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Attachments.AnyAsync(a => a.No == attachmentNo));

    /// <summary>Points an entry at another file, as an entry sharing its attachment would.</summary>
    private static Task<int> PointAtAsync(TouchpointApp app, long entryNo, long attachmentNo) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.Where(e => e.EntryNo == entryNo)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AttachmentNo, (long?)attachmentNo)));

    [Theory, SqliteData, PostgresData]
    public async Task Canceling_with_removeUniqueAttachments_removes_the_entrys_own_attachment_but_not_the_templates_file(string provider)
    {
        var app = apps.For(provider);
        var w = await WorldAsync(app);
        var entryNo = await LogAsync(w);
        var attachmentNo = await AttachmentOfAsync(app, entryNo);
        Assert.Equal(HttpStatusCode.OK, (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);

        var canceled = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/cancel?removeUniqueAttachments=true", new { }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.True(canceled.GetProperty("canceled").GetBoolean());
        Assert.False(canceled.GetProperty("hasAttachment").GetBoolean());
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await AttachmentExistsAsync(app, attachmentNo));
        // The entry's copy shared its bytes with the template's letter, which stays whole.
        var letter = await w.Admin.GetAsync($"/api/v1/interactionTemplates/{w.Template}/languages/{Language}/attachment");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.NotEmpty(await letter.Content.ReadAsByteArrayAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Canceling_several_removes_only_the_attachments_no_other_entry_or_template_language_uses(string provider)
    {
        var app = apps.For(provider);
        var w = await WorldAsync(app);
        var own = await LogAsync(w);
        var shared = await LogAsync(w);
        var sharer = await LogAsync(w);
        var templates = await LogAsync(w);
        var ownAttachment = await AttachmentOfAsync(app, own);
        var sharedAttachment = await AttachmentOfAsync(app, shared);
        var templateAttachment = await TemplateAttachmentAsync(app, w.Template);
        await PointAtAsync(app, sharer, sharedAttachment);
        await PointAtAsync(app, templates, templateAttachment);
        long[] selected = [own, shared, templates];
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<CancelInteractionLogEntries>().CountUniqueAttachmentsAsync(selected)));

        var result = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel?removeUniqueAttachments=true", new { entryNos = selected }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, result.GetProperty("count").GetInt32());
        Assert.False(await AttachmentExistsAsync(app, ownAttachment));
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{own}/attachment")).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var kept in new[] { shared, sharer, templates })
        {
            var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{kept}")).JsonAsync(HttpStatusCode.OK);
            Assert.True(entry.GetProperty("hasAttachment").GetBoolean(), $"entry {kept} lost its attachment");
            Assert.Equal(HttpStatusCode.OK, (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{kept}/attachment")).StatusCode);
        }
        Assert.True(await AttachmentExistsAsync(app, sharedAttachment));
        Assert.True(await AttachmentExistsAsync(app, templateAttachment));
        var stats = await (await w.Client.GetAsync($"/api/v1/contacts/{w.Person}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("noOfInteractions").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Without_the_flag_and_when_uncanceling_nothing_is_removed_only_canceling_with_it_removes(string provider)
    {
        var app = apps.For(provider);
        var w = await WorldAsync(app);
        var entryNo = await LogAsync(w);
        var attachmentNo = await AttachmentOfAsync(app, entryNo);

        var single = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(single.GetProperty("hasAttachment").GetBoolean());
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel?removeUniqueAttachments=false", new { entryNos = new[] { entryNo } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.True(await AttachmentExistsAsync(app, attachmentNo));

        await app.WithScopeAsync(sp => sp.GetRequiredService<CancelInteractionLogEntries>()
            .HandleAsync([entryNo], cancel: false, "tester", removeUniqueAttachments: true));
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/uncancel?removeUniqueAttachments=true", new { })).JsonAsync(HttpStatusCode.OK);
        var uncanceled = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/uncancel?removeUniqueAttachments=true", new { entryNos = new[] { entryNo } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, uncanceled.GetProperty("count").GetInt32());
        Assert.True(await AttachmentExistsAsync(app, attachmentNo));
        Assert.Equal(HttpStatusCode.OK, (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);

        var removed = await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/cancel?removeUniqueAttachments=true", new { }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.False(removed.GetProperty("hasAttachment").GetBoolean());
        Assert.False(await AttachmentExistsAsync(app, attachmentNo));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_removeUniqueAttachments_value_that_is_not_a_boolean_is_a_bad_request_and_cancels_nothing(string provider)
    {
        var app = apps.For(provider);
        var w = await WorldAsync(app);
        var entryNo = await LogAsync(w);

        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entryNo}/cancel?removeUniqueAttachments=maybe", new { }))
            .ProblemAsync(HttpStatusCode.BadRequest, "removeUniqueAttachments");
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel?removeUniqueAttachments=2", new { entryNos = new[] { entryNo } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "removeUniqueAttachments");

        var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(entry.GetProperty("canceled").GetBoolean());
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
    }
}
