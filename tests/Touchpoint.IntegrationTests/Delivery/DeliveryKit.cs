using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Delivery;

/// <summary>What the delivery tests share: an app with its SMTP server and a template with a Word letter, and waiting for delivery.</summary>
internal static class DeliveryKit
{
    /// <summary>An app delivering to its own SMTP server, with a world whose template has a Word letter for ENU.</summary>
    internal sealed record Mailing(TouchpointApp App, TestSmtpServer Smtp, InteractionWorld W) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            App.Dispose();
            await Smtp.DisposeAsync();
        }
    }

    /// <summary>The app and world; <paramref name="settings"/> (<c>Touchpoint:Smtp:*</c>) over those of the test kit.</summary>
    internal static async Task<Mailing> MailingAsync(string provider, TestSmtpServer? smtp = null, int maxAttempts = 10,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        smtp ??= TestSmtpServer.Start();
        var app = new TouchpointApp(provider).WithSmtp(smtp, maxAttempts: maxAttempts);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            app.Settings[key] = value;
        }
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU" });
        await LetterAsync(w);
        return new Mailing(app, smtp, w);
    }

    internal static async Task LetterAsync(InteractionWorld w)
    {
        await (await w.Admin.PatchAsync($"/api/v1/salespeople/{w.Salesperson}", new { email = "sam@seller.test" })).JsonAsync(HttpStatusCode.OK);
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment",
            Files.Form("letter.docx", WordLetters.WithFields("Dear customer & friend,", "ContactName")))).JsonAsync(HttpStatusCode.OK);
    }

    internal static async Task<string> PersonAsync(InteractionWorld w, string name, string? email) =>
        (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name, email })).JsonAsync(HttpStatusCode.Created)).Str("no");

    internal static async Task<JsonElement> EntryAsync(InteractionWorld w, long entryNo) =>
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);

    /// <summary>The entry once its delivery is over (no longer in progress).</summary>
    internal static async Task<JsonElement> DeliveredAsync(InteractionWorld w, long entryNo, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var entry = await EntryAsync(w, entryNo);
            if (entry.Str("deliveryStatus") != "inProgress")
            {
                return entry;
            }
            Assert.True(DateTime.UtcNow < until, $"Entry {entryNo} is still in progress.");
            await Task.Delay(50);
        }
    }

    internal static Task<int> SorterRowsAsync(TouchpointApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().DeliverySorter.CountAsync());

    internal static Task<int> AttemptsAsync(TouchpointApp app, long entryNo) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().DeliverySorter.Where(d => d.EntryNo == entryNo).Select(d => d.Attempts).FirstOrDefaultAsync());

    internal static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition was not met in time.");
            await Task.Delay(50);
        }
    }
}
