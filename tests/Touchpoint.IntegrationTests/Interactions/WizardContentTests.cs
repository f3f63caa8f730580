using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;
using Touchpoint.TestKit;
using UglyToad.PdfPig;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// The Create Interaction wizard's content step (rule 22): what it offers, the letter it previews (merged for the
/// contact, as .docx and as PDF through the real LibreOffice), and a file of the user's own (Import) that becomes the
/// entry's attachment while the template's stays as it was.
/// </summary>
public sealed class WizardContentTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string UserId = "wizard-content-test";

    /// <summary>A world whose template has a Word letter for ENU that greets the contact and names the salesperson.</summary>
    private static async Task<(InteractionWorld W, byte[] TemplateLetter)> LetterWorldAsync(TouchpointApp app, string wizardAction = "merge")
    {
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU", correspondenceTypeDefault = "hardCopy" });
        var letter = WordLetters.WithFields("Template letter", "ContactName", "SalespersonName", "EntryNo");
        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment", Files.Form("offer.docx", letter)))
            .JsonAsync(HttpStatusCode.OK);
        // Rule 2: Merge only once the default language has its Word letter.
        await (await w.Admin.PatchAsync($"/api/v1/interactionTemplates/{w.Template}", new { wizardAction })).JsonAsync(HttpStatusCode.OK);
        return (w, letter);
    }

    private static CreateInteractionRequest Request(InteractionWorld w, string? contactNo = null) => new()
    {
        ContactNo = contactNo ?? w.Person, InteractionTemplateCode = w.Template, SalespersonCode = w.Salesperson, Description = "Spring offer",
    };

    private static Task<InteractionLogEntryDto> CreateAsync(TouchpointApp app, CreateInteractionRequest request) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CreateInteraction>().HandleAsync(request, UserId));

    private static Task<LetterPreviewDto> PreviewAsync(TouchpointApp app, CreateInteractionRequest request, LetterPreviewFormat format) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<PreviewInteractionLetter>().HandleAsync(request, format));

    private static Task<InteractionContentDto> ContentAsync(TouchpointApp app, CreateInteractionRequest request) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<PreviewInteractionLetter>().ContentAsync(request));

    private static Task<int> AttachmentsWithAsync(TouchpointApp app, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Attachments.CountAsync(a => a.ContentHash == hash));
    }

    private static async Task<int> EntriesOfAsync(InteractionWorld w, string contactNo) =>
        (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={contactNo}")).JsonAsync(HttpStatusCode.OK))
        .GetProperty("value").GetArrayLength();

    private static string DocxText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_imported_letter_is_the_entrys_attachment_and_the_templates_attachment_does_not_change(string provider)
    {
        var app = apps.For(provider);
        var (w, templateLetter) = await LetterWorldAsync(app);
        var own = WordLetters.WithFields($"My own letter {Unique.Code("Own")}", "ContactName");

        var entry = await CreateAsync(app, Request(w) with { Content = WizardAction.Import, Letter = new OwnLetter("own.docx", own) });

        Assert.True(entry.HasAttachment);
        var logged = await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entry.EntryNo}/attachment");
        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        Assert.Equal(own, await logged.Content.ReadAsByteArrayAsync());
        Assert.Equal("own.docx", logged.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(templateLetter, await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment")).Content.ReadAsByteArrayAsync());
        // The file stored for the line went once the entry had its read-only copy: one attachment holds the bytes.
        Assert.Equal(1, await AttachmentsWithAsync(app, own));
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.Where(e => e.EntryNo == entry.EntryNo)
            .Join(sp.GetRequiredService<ITouchpointDb>().Attachments, e => e.AttachmentNo, a => (long?)a.No, (e, a) => a.ReadOnly).SingleAsync()));

        // Without Import the same template logs its own letter again.
        var plain = await CreateAsync(app, Request(w));
        Assert.Equal(templateLetter, await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{plain.EntryNo}/attachment")).Content.ReadAsByteArrayAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Import_without_a_file_or_with_a_file_that_is_not_what_it_claims_is_refused_and_logs_nothing(string provider)
    {
        var app = apps.For(provider);
        var (w, _) = await LetterWorldAsync(app, "import");

        var stopped = await Assert.ThrowsAsync<DomainException>(() => CreateAsync(app, Request(w) with { Content = WizardAction.Import }));
        Assert.Equal("The program has stopped importing the attachment at your request.", Assert.Single(stopped.Errors["file"]));

        var fake = Files.Text($"not a letter {Unique.Code("F")}");
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            CreateAsync(app, Request(w) with { Content = WizardAction.Import, Letter = new OwnLetter("fake.docx", fake) }));
        Assert.Contains("file", refused.Errors.Keys);

        // A refusal after the file was stored (a blocked salesperson) leaves the file behind neither.
        var own = WordLetters.WithFields($"Refused {Unique.Code("R")}");
        await (await w.Admin.PatchAsync($"/api/v1/salespeople/{w.Salesperson}", new { blocked = true })).JsonAsync(HttpStatusCode.OK);
        var blocked = await Assert.ThrowsAsync<DomainException>(() =>
            CreateAsync(app, Request(w) with { Content = WizardAction.Import, Letter = new OwnLetter("own.docx", own) }));
        Assert.Contains("salespersonCode", blocked.Errors.Keys);

        Assert.Equal(0, await EntriesOfAsync(w, w.Person));
        Assert.Equal(0, await AttachmentsWithAsync(app, own));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_postponed_interaction_keeps_the_imported_letter_and_resuming_with_another_logs_that_one(string provider)
    {
        var app = apps.For(provider);
        var (w, _) = await LetterWorldAsync(app);
        var first = WordLetters.WithFields($"First {Unique.Code("P")}");
        var second = WordLetters.WithFields($"Second {Unique.Code("P")}");

        var postponed = await CreateAsync(app, Request(w) with { Postpone = true, Content = WizardAction.Import, Letter = new OwnLetter("first.docx", first) });
        Assert.Equal(first, await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{postponed.EntryNo}/attachment")).Content.ReadAsByteArrayAsync());

        await app.WithScopeAsync(sp => sp.GetRequiredService<ResumePostponedInteraction>().HandleAsync(postponed.EntryNo,
            new CreateInteractionRequest { Content = WizardAction.Import, Letter = new OwnLetter("second.docx", second) }, UserId));

        Assert.Equal(second, await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{postponed.EntryNo}/attachment")).Content.ReadAsByteArrayAsync());
        Assert.Equal(0, await AttachmentsWithAsync(app, first));
        Assert.Equal(1, await AttachmentsWithAsync(app, second));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_preview_is_the_letter_merged_for_the_contact_and_salesperson_as_docx_and_as_pdf(string provider)
    {
        var app = apps.For(provider);
        var (w, _) = await LetterWorldAsync(app, "open");

        var docx = await PreviewAsync(app, Request(w), LetterPreviewFormat.File);
        Assert.Equal(("offer.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (docx.FileName, docx.ContentType));
        var text = DocxText(docx.Content);
        Assert.Contains("Template letter", text, StringComparison.Ordinal);
        Assert.Contains("Lena Log", text, StringComparison.Ordinal);
        Assert.Contains("Sam Seller", text, StringComparison.Ordinal);
        // No entry no. before the entry exists: blank, no «EntryNo» left either.
        Assert.DoesNotContain("«", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0", text, StringComparison.Ordinal);

        var pdf = await PreviewAsync(app, Request(w, w.Company), LetterPreviewFormat.Pdf);
        Assert.Equal(("offer.pdf", "application/pdf"), (pdf.FileName, pdf.ContentType));
        using (var document = PdfDocument.Open(pdf.Content))
        {
            var pageText = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(x => x.Text))));
            Assert.Contains("Log Co", pageText, StringComparison.Ordinal);
            Assert.Contains("Sam Seller", pageText, StringComparison.Ordinal);
        }

        // An imported letter is previewed, merged, instead of the template's.
        var own = await PreviewAsync(app, Request(w) with { Letter = new OwnLetter("mine.docx", WordLetters.WithFields("My own words", "ContactName")) },
            LetterPreviewFormat.File);
        Assert.Equal("mine.docx", own.FileName);
        Assert.Contains("My own words", DocxText(own.Content), StringComparison.Ordinal);
        Assert.Contains("Lena Log", DocxText(own.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("Template letter", DocxText(own.Content), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Open_without_an_attachment_is_refused_with_rules_22_message_and_other_files_are_previewed_as_they_are(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU", correspondenceTypeDefault = "hardCopy" });

        var none = await Assert.ThrowsAsync<DomainException>(() => PreviewAsync(app, Request(w), LetterPreviewFormat.Pdf));
        Assert.StartsWith("No attachment found.", none.Message, StringComparison.Ordinal);

        await (await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment", Files.Form("note.txt", Files.Text("A note"))))
            .JsonAsync(HttpStatusCode.OK);
        var file = await PreviewAsync(app, Request(w), LetterPreviewFormat.File);
        Assert.Equal(("note.txt", "text/plain"), (file.FileName, file.ContentType));
        Assert.Equal(Files.Text("A note"), file.Content);
        var asPdf = await Assert.ThrowsAsync<DomainException>(() => PreviewAsync(app, Request(w), LetterPreviewFormat.Pdf));
        Assert.Equal(DomainErrorKind.Unsupported, asPdf.Kind);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_content_step_offers_what_the_template_and_its_file_allow_and_preselects_the_wizard_action(string provider)
    {
        var app = apps.For(provider);
        var bare = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU" });
        var plain = await ContentAsync(app, Request(bare));
        Assert.False(plain.HasStep);

        var importing = await InteractionWorld.CreateAsync(app, template: new { languageCodeDefault = "ENU", wizardAction = "import" });
        var import = await ContentAsync(app, Request(importing));
        Assert.True(import.HasStep);
        Assert.Equal([WizardAction.Import], import.Choices);
        Assert.Equal((WizardAction.Import, null), (import.Choice, import.FileName));

        var (merging, _) = await LetterWorldAsync(app, "none");
        var merge = await ContentAsync(app, Request(merging));
        Assert.True(merge.HasStep);
        Assert.Equal([WizardAction.Open, WizardAction.Import, WizardAction.Merge], merge.Choices);
        Assert.Equal((WizardAction.Merge, "offer.docx", true), (merge.Choice, merge.FileName, merge.IsWordLetter));

        var (opening, _) = await LetterWorldAsync(app, "open");
        Assert.Equal(WizardAction.Open, (await ContentAsync(app, Request(opening))).Choice);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Sending_with_an_imported_letter_mails_that_letter_merged_for_the_contact(string provider)
    {
        await using var smtp = TestSmtpServer.Start();
        using var app = new TouchpointApp(provider).WithSmtp(smtp);
        var (w, _) = await LetterWorldAsync(app);
        var contact = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Ida Imported", email = "ida@example.test" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");

        await CreateAsync(app, Request(w, contact) with
        {
            CorrespondenceType = CorrespondenceType.Email, Send = true, Content = WizardAction.Import,
            Letter = new OwnLetter("mine.docx", WordLetters.WithFields("Imported greetings for", "ContactName")),
        });

        var message = Assert.Single(await smtp.WaitForAsync(1));
        var html = message.HtmlBody ?? "";
        Assert.Contains("Imported greetings for", html, StringComparison.Ordinal);
        Assert.Contains("Ida Imported", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Template letter", html, StringComparison.Ordinal);
    }
}
