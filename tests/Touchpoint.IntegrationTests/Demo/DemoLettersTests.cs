using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;
using Touchpoint.Core.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Demo;

/// <summary>The demo's letter templates come with Word letters in the four UI languages, ready to merge and send.</summary>
public sealed class DemoLettersTests
{
    private const string Sender = "Cronus Furniture Ltd.";

    // What a letter needs to be a letter: the addressee, the sender, the salesperson who signs it, the date, the subject.
    private static readonly string[] LetterFields =
    [
        MergeValues.ContactName, MergeValues.ContactCompanyName, MergeValues.ContactAddress, MergeValues.ContactPostCode,
        MergeValues.ContactCity, MergeValues.SalespersonName, MergeValues.SalespersonEmail, MergeValues.Date, MergeValues.Subject,
        MergeValues.CompanyName, MergeValues.CompanyAddress,
    ];

    [Theory, SqliteData, PostgresData]
    public async Task Each_letter_template_has_a_Word_letter_in_English_Dutch_Swedish_and_Russian_using_known_merge_fields_only(string provider)
    {
        using var app = new TouchpointApp(provider, seedDemo: true);
        var seeded = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            var store = sp.GetRequiredService<AttachmentStore>();
            var languages = await db.InteractionTemplateLanguages.AsNoTracking()
                .Where(l => DemoLetters.TemplateCodes.Contains(l.InteractionTemplateCode)).ToListAsync();
            var letters = new List<(string Template, string Language, string Description, Attachment File, byte[] Content)>();
            foreach (var language in languages)
            {
                Assert.True(language.AttachmentNo.HasValue, $"{language.InteractionTemplateCode} {language.LanguageCode} has no letter");
                var (file, content) = await store.ReadAsync(language.AttachmentNo.Value, default);
                letters.Add((language.InteractionTemplateCode, language.LanguageCode, language.Description, file, content));
            }
            var templates = await db.InteractionTemplates.AsNoTracking().Where(t => DemoLetters.TemplateCodes.Contains(t.Code))
                .ToDictionaryAsync(t => t.Code);
            return (letters, templates);
        });

        Assert.Equal(
            DemoLetters.TemplateCodes.SelectMany(t => DemoLetters.LanguageCodes.Select(l => $"{t} {l}")).Order(StringComparer.Ordinal),
            seeded.letters.Select(l => $"{l.Template} {l.Language}").Order(StringComparer.Ordinal));
        foreach (var (template, language, description, file, content) in seeded.letters)
        {
            Assert.True(file.IsWordDocument, $"{template} {language}: {file.FileName}");
            Assert.False(file.ReadOnly);
            var letter = WordLetter.Open(content, file.FileName);
            Assert.Empty(letter.UnknownMergeFields);
            Assert.Empty(LetterFields.Except(letter.MergeFields));
            Assert.Equal(DemoLetters.All.Single(l => l.TemplateCode == template && l.LanguageCode == language).Description, description);
        }
        // The languages' descriptions are in their language; the English one is the template's own.
        Assert.Equal("Деловое письмо", seeded.letters.Single(l => l.Template == "BUS" && l.Language == DemoLetters.Russian).Description);
        Assert.Equal("Business Letter", seeded.letters.Single(l => l.Template == "BUS" && l.Language == DemoLetters.English).Description);
        // English by default, GOLF (an e-mail, merged) too: a contact whose language the letters lack gets the English one.
        Assert.Equal("ENU", seeded.templates["ABSTRACT"].LanguageCodeDefault);
        Assert.Equal("ENU", seeded.templates["BUS"].LanguageCodeDefault);
        Assert.Equal("ENU", seeded.templates["GOLF"].LanguageCodeDefault);
        Assert.Equal(WizardAction.Merge, seeded.templates["GOLF"].WizardAction);
        Assert.Equal(CorrespondenceType.Email, seeded.templates["GOLF"].CorrespondenceTypeDefault);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_demo_person_of_each_language_gets_each_letter_in_their_language_merged_with_their_name(string provider)
    {
        using var app = new TouchpointApp(provider, seedDemo: true);
        app.Settings["Touchpoint:Company:Name"] = Sender;
        var client = await app.ClientAsync(Roles.Sales);
        foreach (var languageCode in DemoLetters.LanguageCodes)
        {
            var person = await DemoPersonAsync(app, languageCode);
            var salesperson = await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Salespeople.AsNoTracking()
                .SingleAsync(s => s.Code == person.SalespersonCode));
            foreach (var template in DemoLetters.TemplateCodes)
            {
                var entry = await (await client.PostAsync("/api/v1/interactions", new
                {
                    contactNo = person.No, interactionTemplateCode = template, salespersonCode = person.SalespersonCode,
                })).JsonAsync(HttpStatusCode.Created);
                Assert.Equal(languageCode, entry.Str("interactionLanguageCode"));

                var letter = await app.WithScopeAsync(sp =>
                    sp.GetRequiredService<EntryLetters>().ForEntryAsync(entry.GetProperty("entryNo").GetInt64()));
                Assert.True(letter.Merged, $"{template} {languageCode}");
                var text = Text(letter.Content);
                var words = DemoLetters.All.Single(l => l.TemplateCode == template && l.LanguageCode == languageCode).Texts;
                Assert.Contains($"{words.Salutation} {person.Name}{words.SalutationEnd}", text, StringComparison.Ordinal);
                Assert.Contains(salesperson.Email!, text, StringComparison.Ordinal);
                Assert.Contains(salesperson.Name, text, StringComparison.Ordinal);
                Assert.Contains(person.CompanyName!, text, StringComparison.Ordinal);
                Assert.Contains(Sender, text, StringComparison.Ordinal);
                Assert.DoesNotMatch("«[A-Za-z]+»|{[A-Za-z]+}", text);
            }
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_golf_invitation_is_mailed_to_a_demo_person_of_each_language_in_their_language(string provider)
    {
        await using var smtp = TestSmtpServer.Start();
        using var app = new TouchpointApp(provider, seedDemo: true).WithSmtp(smtp);
        var client = await app.ClientAsync(Roles.Sales);
        // Every demo contact can be e-mailed.
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Contacts.AnyAsync(c => c.Email == null || c.Email == "")));

        var sent = new Dictionary<string, (Contact Person, string Language)>();
        foreach (var languageCode in DemoLetters.LanguageCodes)
        {
            var person = await DemoPersonAsync(app, languageCode);
            var entry = await (await client.PostAsync("/api/v1/interactions", new
            {
                contactNo = person.No, interactionTemplateCode = "GOLF", salespersonCode = person.SalespersonCode,
                description = "Summer golf day", send = true,
            })).JsonAsync(HttpStatusCode.Created);
            Assert.Equal("email", entry.Str("correspondenceType"));
            sent[person.Email!] = (person, languageCode);
        }

        var messages = await smtp.WaitForAsync(4);
        Assert.Equal(sent.Keys.Order(StringComparer.Ordinal), messages.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            var (person, languageCode) = sent[message.To.Mailboxes.Single().Address];
            var words = DemoLetters.All.Single(l => l.TemplateCode == "GOLF" && l.LanguageCode == languageCode).Texts;
            Assert.Contains($"{words.Salutation} {person.Name}{words.SalutationEnd}", WebUtility.HtmlDecode(message.HtmlBody ?? ""), StringComparison.Ordinal);
        }
    }

    /// <summary>The first demo person, not privacy blocked, whose language is <paramref name="languageCode"/>.</summary>
    private static Task<Contact> DemoPersonAsync(TouchpointApp app, string languageCode) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Contacts.AsNoTracking()
            .Where(c => c.Type == ContactType.Person && c.LanguageCode == languageCode && !c.PrivacyBlocked)
            .OrderBy(c => c.No).FirstAsync());

    private static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        return string.Join("¶", [main.Document!.Body!.InnerText, .. main.HeaderParts.Select(h => h.Header!.InnerText),
            .. main.FooterParts.Select(f => f.Footer!.InnerText)]);
    }
}
