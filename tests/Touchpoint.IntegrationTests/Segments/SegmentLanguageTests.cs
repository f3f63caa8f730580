using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>Segment interaction languages (BC table 5104) and the language and letter of segment lines (rules 13–15, 39–40, 65–67).</summary>
public sealed class SegmentLanguageTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    /// <summary>
    /// A world with two letter templates: the world's, in English (default) and Dutch, each with its letter; and a
    /// second one in English only, hard copy whatever the contact prefers. A Dutch and an English contact.
    /// </summary>
    private sealed record Letters(InteractionWorld W, TouchpointApp App, string Second, string Dutch, string English)
    {
        public HttpClient Client => W.Client;
    }

    private async Task<Letters> LettersAsync(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, new { languageCodeDefault = "ENU", correspondenceTypeDefault = "email" });
        await (await w.Admin.PostAsync($"/api/v1/interactionTemplates/{w.Template}/languages", new { languageCode = "NLD", description = "Brief" }))
            .JsonAsync(HttpStatusCode.Created);
        await UploadAsync(w.Admin, $"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment", "letter-en.txt", "Dear customer");
        await UploadAsync(w.Admin, $"/api/v1/interactionTemplates/{w.Template}/languages/NLD/attachment", "brief-nl.txt", "Beste klant");
        var second = Unique.Code("T")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new
        {
            code = second, interactionGroupCode = w.Group, description = "Printed offer", unitCostLcy = 4, unitDurationMin = 2,
            informationFlow = "outbound", initiatedBy = "us", correspondenceTypeDefault = "hardCopy", ignoreContactCorresType = true,
            languageCodeDefault = "ENU",
        })).JsonAsync(HttpStatusCode.Created);
        await UploadAsync(w.Admin, $"/api/v1/interactionTemplates/{second}/languages/ENU/attachment", "offer-en.txt", "Our printed offer");
        var dutch = await ContactAsync(w, "Daan Dutch", "NLD");
        var english = await ContactAsync(w, "Emma English", "ENU");
        return new Letters(w, app, second, dutch, english);
    }

    private static async Task<string> ContactAsync(InteractionWorld w, string name, string language) =>
        (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name, companyNo = w.Company, languageCode = language, email = "x@example.com" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");

    private static async Task<JsonElement> UploadAsync(HttpClient client, string url, string fileName, string text, bool replace = false) =>
        await (await client.PutAsync(url + (replace ? "?replace=true" : ""), Files.Form(fileName, Files.Text(text)))).JsonAsync(HttpStatusCode.OK);

    private static async Task<string> SegmentAsync(Letters l, string template, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["description"] = "Letters", ["interactionTemplateCode"] = template, ["salespersonCode"] = l.W.Salesperson };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return (await (await l.Client.PostAsync("/api/v1/segments", body)).JsonAsync(HttpStatusCode.Created)).Str("no");
    }

    private static async Task<JsonElement> LineAsync(Letters l, string no, string contactNo, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["contactNo"] = contactNo };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return await (await l.Client.PostAsync($"/api/v1/segments/{no}/lines", body)).JsonAsync(HttpStatusCode.Created);
    }

    private static async Task<Dictionary<string, JsonElement>> LinesAsync(Letters l, string no) =>
        (await (await l.Client.GetAsync($"/api/v1/segments/{no}/lines")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()
            .ToDictionary(e => e.Str("contactNo")!, e => e);

    /// <summary>Logs the segment; answers each contact's entry and the text of the letter it keeps (null: none).</summary>
    private static async Task<Dictionary<string, (JsonElement Entry, string? Letter)>> LogAsync(Letters l, string no)
    {
        var logged = (await (await l.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).JsonAsync(HttpStatusCode.OK)).GetProperty("loggedSegmentEntryNo").GetInt64();
        var entries = (await (await l.Client.GetAsync($"/api/v1/interactionLogEntries?loggedSegmentEntryNo={logged}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
        var result = new Dictionary<string, (JsonElement, string?)>();
        foreach (var e in entries)
        {
            string? letter = null;
            if (e.GetProperty("hasAttachment").GetBoolean())
            {
                var response = await l.Client.GetAsync($"/api/v1/interactionLogEntries/{e.GetProperty("entryNo").GetInt64()}/attachment");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                letter = await response.Content.ReadAsStringAsync();
            }
            result[e.Str("contactNo")!] = (e, letter);
        }
        return result;
    }

    private static Task<T> DbAsync<T>(Letters l, Func<ITouchpointDb, Task<T>> query) =>
        l.App.WithScopeAsync(sp => query(sp.GetRequiredService<ITouchpointDb>()));

    [Theory, SqliteData, PostgresData]
    public async Task A_new_segment_copies_its_templates_languages_with_files_of_their_own(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template, new { subjectDefault = "Our offer" });
        var languages = (await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["ENU", "NLD"], languages.Select(x => x.Str("languageCode")));
        Assert.Equal(["letter-en.txt", "brief-nl.txt"], languages.Select(x => x.Str("attachmentFileName")));
        Assert.All(languages, x => Assert.Equal("Our offer", x.Str("subject")));
        Assert.Equal("Brief", languages[1].Str("description"));

        // The segment's file is a copy: replacing it leaves the template's as it was.
        await (await l.Client.PutAsync($"/api/v1/segments/{no}/languages/ENU/attachment", Files.Form("mine.txt", Files.Text("Mine")))).ProblemAsync(HttpStatusCode.Conflict, "replace");
        var replaced = await UploadAsync(l.Client, $"/api/v1/segments/{no}/languages/ENU/attachment", "mine.txt", "Mine", replace: true);
        Assert.Equal("mine.txt", replaced.Str("attachmentFileName"));
        Assert.Equal("Mine", await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages/ENU/attachment")).Content.ReadAsStringAsync());
        Assert.Equal("Dear customer", await (await l.W.Admin.GetAsync($"/api/v1/interactionTemplates/{l.W.Template}/languages/ENU/attachment")).Content.ReadAsStringAsync());

        await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages/FRA")).ProblemAsync(HttpStatusCode.NotFound);
        await (await l.Client.GetAsync("/api/v1/segments/NOSUCH/languages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await l.Client.GetAsync($"/api/v1/segments/{no}/lines/90000/languages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/languages", new { languageCode = "enu" })).ProblemAsync(HttpStatusCode.Conflict, "languageCode");
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/languages", new { languageCode = "" })).ProblemAsync(HttpStatusCode.BadRequest, "languageCode");
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/languages", new { languageCode = "TOOLONGCODE1" })).ProblemAsync(HttpStatusCode.BadRequest, "languageCode");
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/languages/ENU", new { subject = new string('x', 101) })).ProblemAsync(HttpStatusCode.BadRequest, "subject");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Lines_inherit_the_header_language_of_their_contact_and_its_file_which_logging_keeps(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        Assert.Equal(("NLD", true), Language(await LineAsync(l, no, l.Dutch)));
        Assert.Equal(("ENU", true), Language(await LineAsync(l, no, l.English)));
        Assert.Equal(("ENU", true), Language(await LineAsync(l, no, l.W.Person)));

        var logged = await LogAsync(l, no);
        Assert.Equal("Beste klant", logged[l.Dutch].Letter);
        Assert.Equal("NLD", logged[l.Dutch].Entry.Str("interactionLanguageCode"));
        Assert.Equal("Dear customer", logged[l.English].Letter);
        Assert.Equal("Dear customer", logged[l.W.Person].Letter);
        // One read-only copy per file, shared by the entries that use it; the segment's own files are gone with it.
        var entryNos = logged.Values.Select(v => v.Entry.GetProperty("entryNo").GetInt64()).ToList();
        var attachments = await DbAsync(l, db => db.InteractionLogEntries.Where(e => entryNos.Contains(e.EntryNo)).Select(e => e.AttachmentNo!.Value).ToListAsync());
        Assert.Equal(2, attachments.Distinct().Count());
        Assert.True(await DbAsync(l, db => db.Attachments.Where(a => attachments.Contains(a.No)).AllAsync(a => a.ReadOnly)));
        Assert.False(await DbAsync(l, db => db.SegmentInteractionLanguages.AnyAsync(s => s.SegmentNo == no)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Lines_added_by_criteria_inherit_the_header_language_of_their_contact_and_its_file(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { contactNos = new[] { l.Dutch, l.English } } })).JsonAsync(HttpStatusCode.OK);
        var lines = await LinesAsync(l, no);
        Assert.Equal(("NLD", true), Language(lines[l.Dutch]));
        Assert.Equal(("ENU", true), Language(lines[l.English]));
        Assert.Equal("Beste klant", (await LogAsync(l, no))[l.Dutch].Letter);
    }

    /// <summary>Defect: a line moved to another template kept its old language, correspondence type and description.</summary>
    [Theory, SqliteData, PostgresData]
    public async Task Another_template_on_a_line_re_derives_its_language_letter_correspondence_type_and_description(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.Dutch)).GetProperty("lineNo").GetInt32();
        await LineAsync(l, no, l.English);

        var patched = await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { interactionTemplateCode = l.Second })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(l.Second, patched.Str("interactionTemplateCode"));
        Assert.Equal(("ENU", true), Language(patched));
        Assert.Equal("hardCopy", patched.Str("correspondenceType"));
        Assert.Equal("Printed offer", patched.Str("description"));
        Assert.Equal((4m, 2m), (patched.GetProperty("costLcy").GetDecimal(), patched.GetProperty("durationMin").GetDecimal()));
        // Rule 40: the line has its own copies of the template's languages ("unique").
        var own = (await (await l.Client.GetAsync($"/api/v1/segments/{no}/lines/{line}/languages")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["ENU"], own.Select(x => x.Str("languageCode")));
        Assert.Equal("offer-en.txt", own[0].Str("attachmentFileName"));

        var logged = await LogAsync(l, no);
        Assert.Equal("Our printed offer", logged[l.Dutch].Letter);
        Assert.Equal(("ENU", "hardCopy"), (logged[l.Dutch].Entry.Str("interactionLanguageCode"), logged[l.Dutch].Entry.Str("correspondenceType")));
        Assert.Equal("Dear customer", logged[l.English].Letter);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_line_back_on_the_header_template_inherits_again_and_its_own_files_go(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.Dutch, new { interactionTemplateCode = l.Second })).GetProperty("lineNo").GetInt32();
        var ownFiles = await DbAsync(l, db => db.SegmentInteractionLanguages.Where(s => s.SegmentNo == no && s.SegmentLineNo == line).Select(s => s.AttachmentNo!.Value).ToListAsync());
        Assert.Single(ownFiles);

        var back = await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { interactionTemplateCode = l.W.Template })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("NLD", true), Language(back));
        Assert.Equal("Outgoing call", back.Str("description"));
        Assert.Empty((await (await l.Client.GetAsync($"/api/v1/segments/{no}/lines/{line}/languages")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray());
        Assert.False(await DbAsync(l, db => db.Attachments.AnyAsync(a => ownFiles.Contains(a.No))));
    }

    /// <summary>Defect: a new header template forced every line to the header's default language.</summary>
    [Theory, SqliteData, PostgresData]
    public async Task A_new_header_template_gives_inheriting_lines_their_contacts_language_and_its_file(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.Second);
        Assert.Equal(("ENU", true), Language(await LineAsync(l, no, l.Dutch)));
        await LineAsync(l, no, l.English);
        var oldFiles = await DbAsync(l, db => db.SegmentInteractionLanguages.Where(s => s.SegmentNo == no).Select(s => s.AttachmentNo!.Value).ToListAsync());

        // Rule 39: declining to update the lines is refused while they inherit a file.
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}", new { interactionTemplateCode = l.W.Template, applyToLines = false }))
            .ProblemAsync(HttpStatusCode.Conflict, "applyToLines");
        var header = await (await l.Client.PatchAsync($"/api/v1/segments/{no}", new { interactionTemplateCode = l.W.Template })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ENU", header.Str("languageCodeDefault"));
        var lines = await LinesAsync(l, no);
        Assert.Equal(("NLD", true), Language(lines[l.Dutch]));
        Assert.Equal(("ENU", true), Language(lines[l.English]));
        Assert.Equal(["ENU", "NLD"], (await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(x => x.Str("languageCode")));
        Assert.False(await DbAsync(l, db => db.Attachments.AnyAsync(a => oldFiles.Contains(a.No))));

        var logged = await LogAsync(l, no);
        Assert.Equal("Beste klant", logged[l.Dutch].Letter);
        Assert.Equal("Dear customer", logged[l.English].Letter);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_header_template_change_keeps_the_language_and_file_of_a_line_with_its_own(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.Dutch)).GetProperty("lineNo").GetInt32();
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/lines/{line}/languages", new { languageCode = "NLD" })).JsonAsync(HttpStatusCode.Created);
        await UploadAsync(l.Client, $"/api/v1/segments/{no}/lines/{line}/languages/NLD/attachment", "own.txt", "Voor Daan", replace: true);

        await (await l.Client.PatchAsync($"/api/v1/segments/{no}", new { interactionTemplateCode = l.Second })).JsonAsync(HttpStatusCode.OK);
        var kept = (await LinesAsync(l, no))[l.Dutch];
        Assert.Equal((l.Second, "NLD", true), (kept.Str("interactionTemplateCode"), kept.Str("languageCode"), kept.GetProperty("hasAttachment").GetBoolean()));
        Assert.Equal("Voor Daan", (await LogAsync(l, no))[l.Dutch].Letter);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_segment_language_or_line_letter_upload_answers_its_merge_fields(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.Dutch)).GetProperty("lineNo").GetInt32();
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/lines/{line}/languages", new { languageCode = "NLD" })).JsonAsync(HttpStatusCode.Created);

        var header = await (await l.Client.PutAsync($"/api/v1/segments/{no}/languages/ENU/attachment?replace=true",
            Files.Form("letter.docx", WordLetters.WithFields($"Header {Guid.NewGuid()}", "ContactName", "Salutation")))).JsonAsync(HttpStatusCode.OK);
        var own = await (await l.Client.PutAsync($"/api/v1/segments/{no}/lines/{line}/languages/NLD/attachment?replace=true",
            Files.Form("brief.docx", WordLetters.WithFields($"Line {Guid.NewGuid()}", "Date")))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("letter.docx", "ENU"), (header.Str("attachmentFileName"), header.Str("languageCode")));
        Assert.Equal(["ContactName", "Salutation"], header.GetProperty("mergeFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Salutation"], header.GetProperty("unknownMergeFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("brief.docx", own.Str("attachmentFileName"));
        Assert.Equal(["Date"], own.GetProperty("mergeFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, own.GetProperty("unknownMergeFields").GetArrayLength());
    }

    /// <summary>Defect: a line's languageCode was not checked ("XXX" was accepted).</summary>
    [Theory, SqliteData, PostgresData]
    public async Task A_line_language_its_template_and_segment_have_no_language_for_is_refused(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.English)).GetProperty("lineNo").GetInt32();
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { languageCode = "XXX" })).ProblemAsync(HttpStatusCode.BadRequest, "languageCode");
        await (await l.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = l.Dutch, languageCode = "XXX" })).ProblemAsync(HttpStatusCode.BadRequest, "languageCode");
        // The second template has no Dutch: a line moved to it cannot be written in Dutch.
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { interactionTemplateCode = l.Second, languageCode = "NLD" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "languageCode");
        Assert.Equal(l.W.Template, (await LinesAsync(l, no))[l.English].Str("interactionTemplateCode"));

        // Rule 65: a language the line can have brings its file; none, none.
        Assert.Equal(("NLD", true), Language(await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { languageCode = "nld" })).JsonAsync(HttpStatusCode.OK)));
        Assert.Equal((null, false), Language(await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{line}", new { languageCode = (string?)null })).JsonAsync(HttpStatusCode.OK)));
        Assert.Null((await LogAsync(l, no))[l.English].Letter);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_line_given_its_own_letter_keeps_it_when_the_header_file_changes(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.English)).GetProperty("lineNo").GetInt32();
        await LineAsync(l, no, l.W.Person);

        // Rule 40: the line's own language starts with a copy of the file it inherited.
        var own = await (await l.Client.PostAsync($"/api/v1/segments/{no}/lines/{line}/languages", new { languageCode = "ENU", subject = "Just for Emma" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("letter-en.txt", "Just for Emma"), (own.Str("attachmentFileName"), own.Str("subject")));
        await UploadAsync(l.Client, $"/api/v1/segments/{no}/lines/{line}/languages/ENU/attachment", "emma.txt", "Dear Emma", replace: true);
        await UploadAsync(l.Client, $"/api/v1/segments/{no}/languages/ENU/attachment", "new-en.txt", "Dear all", replace: true);

        var logged = await LogAsync(l, no);
        Assert.Equal("Dear Emma", logged[l.English].Letter);
        Assert.Equal("Dear all", logged[l.W.Person].Letter);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Removing_a_header_file_leaves_the_inheriting_lines_without_one(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        await LineAsync(l, no, l.English);
        Assert.Equal(HttpStatusCode.NoContent, (await l.Client.DeleteAsync($"/api/v1/segments/{no}/languages/ENU/attachment")).StatusCode);
        Assert.Equal(("ENU", false), Language((await LinesAsync(l, no))[l.English]));
        await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages/ENU/attachment")).ProblemAsync(HttpStatusCode.NotFound);
        await (await l.Client.DeleteAsync($"/api/v1/segments/{no}/languages/ENU/attachment")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_new_language_subject_reaches_the_lines_of_that_language_that_still_have_the_old_one(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template, new { subjectDefault = "Our offer" });
        await LineAsync(l, no, l.Dutch);
        var other = await ContactAsync(l.W, "Noor Nederland", "NLD");
        var ownLine = (await LineAsync(l, no, other)).GetProperty("lineNo").GetInt32();
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/lines/{ownLine}", new { subject = "Alleen voor Noor" })).JsonAsync(HttpStatusCode.OK);
        await LineAsync(l, no, l.English);

        // Rule 66: same template, same language, old subject.
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/languages/NLD", new { subject = "Ons aanbod" })).JsonAsync(HttpStatusCode.OK);
        var lines = await LinesAsync(l, no);
        Assert.Equal(("Ons aanbod", "Alleen voor Noor", "Our offer"), (lines[l.Dutch].Str("subject"), lines[other].Str("subject"), lines[l.English].Str("subject")));
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/languages/NLD", new { subject = "Niet doorgeven", applyToLines = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ons aanbod", (await LinesAsync(l, no))[l.Dutch].Str("subject"));
        // A Dutch contact added now gets the Dutch subject.
        Assert.Equal("Niet doorgeven", (await LineAsync(l, no, await ContactAsync(l.W, "Sem Nieuw", "NLD"))).Str("subject"));

        // The header's default subject is its default language's: the English lines and language follow it.
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}", new { subjectDefault = "Winter offer" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Winter offer", "Ons aanbod"), ((await LinesAsync(l, no))[l.English].Str("subject"), (await LinesAsync(l, no))[l.Dutch].Str("subject")));
        Assert.Equal("Winter offer", (await (await l.Client.GetAsync($"/api/v1/segments/{no}/languages/ENU")).JsonAsync(HttpStatusCode.OK)).Str("subject"));
        await (await l.Client.PatchAsync($"/api/v1/segments/{no}/languages/ENU", new { subject = "Spring offer" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Spring offer", (await (await l.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).Str("subjectDefault"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_first_header_language_becomes_the_default_later_ones_reach_their_contacts_and_removing_the_default_moves_it(string provider)
    {
        var l = await LettersAsync(provider);
        // The world's template without languages: a template of its own with none.
        var bare = Unique.Code("T")[..9];
        await (await l.W.Admin.PostAsync("/api/v1/interactionTemplates", new { code = bare, interactionGroupCode = l.W.Group, description = "Bare" }))
            .JsonAsync(HttpStatusCode.Created);
        var no = await SegmentAsync(l, bare);
        await LineAsync(l, no, l.Dutch);
        await LineAsync(l, no, l.English);
        await LineAsync(l, no, l.W.Person);
        Assert.All((await LinesAsync(l, no)).Values, x => Assert.Equal((null, false), Language(x)));

        await (await l.Client.PostAsync($"/api/v1/segments/{no}/languages", new { languageCode = "ENU" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("ENU", (await (await l.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).Str("languageCodeDefault"));
        Assert.All((await LinesAsync(l, no)).Values, x => Assert.Equal("ENU", x.Str("languageCode")));

        await (await l.Client.PostAsync($"/api/v1/segments/{no}/languages", new { languageCode = "NLD" })).JsonAsync(HttpStatusCode.Created);
        await UploadAsync(l.Client, $"/api/v1/segments/{no}/languages/NLD/attachment", "nl.txt", "Hallo");
        var lines = await LinesAsync(l, no);
        Assert.Equal(("NLD", true), Language(lines[l.Dutch]));
        Assert.Equal(("ENU", false), Language(lines[l.English]));
        Assert.Equal(("ENU", false), Language(lines[l.W.Person]));

        Assert.Equal(HttpStatusCode.NoContent, (await l.Client.DeleteAsync($"/api/v1/segments/{no}/languages/ENU")).StatusCode);
        Assert.Equal("NLD", (await (await l.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).Str("languageCodeDefault"));
        Assert.All((await LinesAsync(l, no)).Values, x => Assert.Equal(("NLD", true), Language(x)));
        await (await l.Client.DeleteAsync($"/api/v1/segments/{no}/languages/ENU")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_a_language_a_line_or_the_segment_removes_the_files_nothing_uses_any_more(string provider)
    {
        var l = await LettersAsync(provider);
        var no = await SegmentAsync(l, l.W.Template);
        var line = (await LineAsync(l, no, l.Dutch, new { interactionTemplateCode = l.Second })).GetProperty("lineNo").GetInt32();
        await LineAsync(l, no, l.English);
        async Task<List<long>> FilesAsync(int lineNo) =>
            await DbAsync(l, db => db.SegmentInteractionLanguages.Where(s => s.SegmentNo == no && s.SegmentLineNo == lineNo && s.AttachmentNo != null)
                .Select(s => s.AttachmentNo!.Value).ToListAsync());
        Task<int> ExistingAsync(List<long> nos) => DbAsync(l, db => db.Attachments.CountAsync(a => nos.Contains(a.No)));

        var lineFiles = await FilesAsync(line);
        Assert.Equal(HttpStatusCode.NoContent, (await l.Client.DeleteAsync($"/api/v1/segments/{no}/lines/{line}")).StatusCode);
        Assert.Equal(0, await ExistingAsync(lineFiles));

        var dutchFile = await DbAsync(l, db => db.SegmentInteractionLanguages.Where(s => s.SegmentNo == no && s.SegmentLineNo == 0 && s.LanguageCode == "NLD")
            .Select(s => s.AttachmentNo!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await l.Client.DeleteAsync($"/api/v1/segments/{no}/languages/NLD")).StatusCode);
        Assert.Equal(0, await ExistingAsync([dutchFile]));

        var headerFiles = await FilesAsync(0);
        Assert.Single(headerFiles);
        Assert.Equal(HttpStatusCode.NoContent, (await l.Client.DeleteAsync($"/api/v1/segments/{no}")).StatusCode);
        Assert.Equal(0, await ExistingAsync(headerFiles));
        // The template's own files stay.
        Assert.Equal(HttpStatusCode.OK, (await l.W.Admin.GetAsync($"/api/v1/interactionTemplates/{l.W.Template}/languages/NLD/attachment")).StatusCode);
    }

    private static (string? Language, bool HasAttachment) Language(JsonElement line) =>
        (line.GetProperty("languageCode").ValueKind == JsonValueKind.Null ? null : line.Str("languageCode"), line.GetProperty("hasAttachment").GetBoolean());
}
