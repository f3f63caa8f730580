using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

public sealed class InteractionTemplatesApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private async Task<HttpClient> Admin(string provider) => await apps.For(provider).ClientAsync(Roles.Admin);

    private static async Task<string> GroupAsync(HttpClient client)
    {
        var code = Unique.Code("G")[..8];
        await (await client.PostAsync("/api/v1/interactionGroups", new { code, description = "Letters" })).JsonAsync(HttpStatusCode.Created);
        return code;
    }

    private static async Task<string> TemplateAsync(HttpClient client, string group, object? extra = null)
    {
        var code = Unique.Code("T")[..9];
        var body = new Dictionary<string, object?> { ["code"] = code, ["interactionGroupCode"] = group, ["description"] = "Business letter" };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        await (await client.PostAsync("/api/v1/interactionTemplates", body)).JsonAsync(HttpStatusCode.Created);
        return code;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string template, string language, string fileName, byte[] content, bool replace = false) =>
        client.PutAsync($"/api/v1/interactionTemplates/{template}/languages/{language}/attachment{(replace ? "?replace=true" : "")}", Files.Form(fileName, content));

    private Task<(int Attachments, int Contents)> CountFilesAsync(string provider) =>
        apps.For(provider).WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            return (await db.Attachments.CountAsync(), await db.AttachmentContents.CountAsync());
        });

    [Theory, SqliteData, PostgresData]
    public async Task A_template_keeps_its_values_and_the_group_is_required_and_must_exist(string provider)
    {
        var client = await Admin(provider);
        var group = await GroupAsync(client);
        var code = await TemplateAsync(client, group.ToLowerInvariant(), new
        {
            unitCostLcy = 8.5m, unitDurationMin = 30, informationFlow = "outbound", initiatedBy = "us",
            correspondenceTypeDefault = "hardCopy", ignoreContactCorresType = true,
        });
        var template = await (await client.GetAsync($"/api/v1/interactionTemplates/{code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(group, template.Str("interactionGroupCode"));
        Assert.Equal(8.5m, template.GetProperty("unitCostLcy").GetDecimal());
        Assert.Equal("outbound", template.Str("informationFlow"));
        Assert.Equal("hardCopy", template.Str("correspondenceTypeDefault"));
        Assert.False(template.GetProperty("hasAttachment").GetBoolean());

        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "NOGROUP" })).ProblemAsync(HttpStatusCode.BadRequest, "interactionGroupCode");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "BADGROUP", interactionGroupCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "interactionGroupCode");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "NEGATIVE", interactionGroupCode = group, unitCostLcy = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "unitCostLcy");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "NEGDUR", interactionGroupCode = group, unitDurationMin = -5 })).ProblemAsync(HttpStatusCode.BadRequest, "unitDurationMin");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "ELEVENCHARS", interactionGroupCode = group })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code, interactionGroupCode = group })).ProblemAsync(HttpStatusCode.Conflict, "code");
        await (await client.PostAsync("/api/v1/interactionTemplates", new { code = "BADFLOW", interactionGroupCode = group, informationFlow = "sideways" })).ProblemAsync(HttpStatusCode.BadRequest, "informationFlow");
        await (await client.GetAsync("/api/v1/interactionTemplates/NOSUCH")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await client.GetAsync($"/api/v1/interactionTemplates?interactionGroupCode={group}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(code, Assert.Single(list.GetProperty("value").EnumerateArray()).Str("code"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_1_a_missing_default_language_is_created_unless_the_caller_declines(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client));
        await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { languageCodeDefault = "sve", createLanguage = false }))
            .ProblemAsync(HttpStatusCode.BadRequest, "languageCodeDefault");
        var languages = await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(languages.GetProperty("value").EnumerateArray());

        var template = await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { languageCodeDefault = "enu" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ENU", template.Str("languageCodeDefault"));
        languages = await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages")).JsonAsync(HttpStatusCode.OK);
        var language = Assert.Single(languages.GetProperty("value").EnumerateArray());
        Assert.Equal("ENU", language.Str("languageCode"));
        Assert.Equal("Business letter", language.Str("description"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_2_merge_needs_a_Word_document_in_the_default_language_and_rule_1_resets_it(string provider)
    {
        var client = await Admin(provider);
        var group = await GroupAsync(client);
        // Without languages every wizard action is accepted.
        var free = await TemplateAsync(client, group, new { wizardAction = "merge" });
        Assert.Equal("merge", (await (await client.GetAsync($"/api/v1/interactionTemplates/{free}")).JsonAsync(HttpStatusCode.OK)).Str("wizardAction"));

        var code = await TemplateAsync(client, group, new { languageCodeDefault = "ENU" });
        var refused = await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { wizardAction = "merge" })).ProblemAsync(HttpStatusCode.BadRequest, "wizardAction");
        Assert.Contains($"Wizard Action = Merge can not be specified for Interaction Template {code}", refused.Str("detail"));
        await (await UploadAsync(client, code, "ENU", "letter.docx", Files.Docx())).JsonAsync(HttpStatusCode.OK);
        var merged = await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { wizardAction = "merge" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("merge", merged.Str("wizardAction"));
        Assert.True(merged.GetProperty("hasAttachment").GetBoolean());
        Assert.Equal("open", (await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { wizardAction = "open" })).JsonAsync(HttpStatusCode.OK)).Str("wizardAction"));
        await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { wizardAction = "merge" })).JsonAsync(HttpStatusCode.OK);

        // Another default language without a Word document: Merge is reset.
        var switched = await (await client.PatchAsync($"/api/v1/interactionTemplates/{code}", new { languageCodeDefault = "NLD" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("none", switched.Str("wizardAction"));
        Assert.False(switched.GetProperty("hasAttachment").GetBoolean());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_5_an_attachment_is_replaced_only_when_asked_and_downloads_as_it_was_uploaded(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        var uploaded = await (await UploadAsync(client, code, "enu", "body.html", Files.Text("<p>Hello</p>"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("body.html", uploaded.Str("attachmentFileName"));

        await (await UploadAsync(client, code, "ENU", "other.html", Files.Text("<p>Other</p>"))).ProblemAsync(HttpStatusCode.Conflict, "replace");
        var download = await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment");
        Assert.Equal("<p>Hello</p>", await download.Content.ReadAsStringAsync());
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);

        await (await UploadAsync(client, code, "ENU", "other.html", Files.Text("<p>Other</p>"), replace: true)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("<p>Other</p>", await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment")).StatusCode);
        await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_word_letter_upload_answers_its_merge_fields_and_the_unknown_ones(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        var letter = WordLetters.WithFields($"Letter {Guid.NewGuid()}", "ContactName", "contactcity", "Fax");

        var uploaded = await (await UploadAsync(client, code, "ENU", "letter.docx", letter)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("ENU", "letter.docx", true), (uploaded.Str("languageCode"), uploaded.Str("attachmentFileName"), uploaded.GetProperty("hasAttachment").GetBoolean()));
        Assert.Equal(["ContactName", "ContactCity", "Fax"], uploaded.GetProperty("mergeFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Fax"], uploaded.GetProperty("unknownMergeFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(letter, await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment")).Content.ReadAsByteArrayAsync());
        // Another kind of file has no merge fields.
        var html = await (await UploadAsync(client, code, "ENU", "body.html", Files.Text("<p>Hello</p>"), replace: true)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), (html.GetProperty("mergeFields").GetArrayLength(), html.GetProperty("unknownMergeFields").GetArrayLength()));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_word_file_that_unpacks_far_beyond_its_size_is_refused_and_nothing_is_stored(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        var before = await CountFilesAsync(provider);

        var refused = await (await UploadAsync(client, code, "ENU", "bomb.docx", Files.ZipBomb())).ProblemAsync(HttpStatusCode.BadRequest, "file");

        Assert.Contains("bomb.docx", refused.Str("detail"));
        Assert.Equal(before, await CountFilesAsync(provider));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bad_files_are_refused_with_a_clear_status_and_nothing_is_stored(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        var before = await CountFilesAsync(provider);

        await (await UploadAsync(client, code, "ENU", "empty.txt", [])).ProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await UploadAsync(client, code, "ENU", "fake.docx", Files.Text("not a Word document"))).ProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await UploadAsync(client, code, "ENU", "fake.pdf", Files.Docx())).ProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await UploadAsync(client, code, "ENU", "tool.exe", [0x4D, 0x5A, 0x90, 0x00])).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(client, code, "ENU", "big.txt", new byte[(20 * 1024 * 1024) + 1])).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.PutAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment", new StringContent("x"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(client, code, "XXX", "a.txt", Files.Text("a"))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await CountFilesAsync(provider));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_file_over_an_existing_attachment_is_refused_for_what_it_is_not_asked_about_replacing(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        await (await UploadAsync(client, code, "ENU", "letter.docx", Files.Docx($"Kept {Guid.NewGuid()}"))).JsonAsync(HttpStatusCode.OK);
        var before = await CountFilesAsync(provider);

        // Replacing or not, the file itself is wrong: the question "replace?" (409) would lead nowhere.
        foreach (var replace in new[] { false, true })
        {
            await (await UploadAsync(client, code, "ENU", "fake.docx", Files.Text("not a Word document"), replace)).ProblemAsync(HttpStatusCode.BadRequest, "file");
            await (await UploadAsync(client, code, "ENU", "empty.docx", [], replace)).ProblemAsync(HttpStatusCode.BadRequest, "file");
            await (await UploadAsync(client, code, "ENU", "tool.exe", [0x4D, 0x5A, 0x90, 0x00], replace)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }
        // A good file still gets the question.
        await (await UploadAsync(client, code, "ENU", "other.docx", Files.Docx("Other"))).ProblemAsync(HttpStatusCode.Conflict, "replace");
        Assert.Equal(before, await CountFilesAsync(provider));
        var languages = await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("letter.docx", languages.GetProperty("value").EnumerateArray().Single(l => l.Str("languageCode") == "ENU").Str("attachmentFileName"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_same_file_is_stored_once_and_kept_while_any_language_uses_it(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        await (await client.PostAsync($"/api/v1/interactionTemplates/{code}/languages", new { languageCode = "NLD", description = "Zakelijke brief" })).JsonAsync(HttpStatusCode.Created);
        var before = await CountFilesAsync(provider);
        var letter = Files.Docx($"Shared {Guid.NewGuid()}");
        await (await UploadAsync(client, code, "ENU", "letter.docx", letter)).JsonAsync(HttpStatusCode.OK);
        await (await UploadAsync(client, code, "NLD", "brief.docx", letter)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((before.Attachments + 2, before.Contents + 1), await CountFilesAsync(provider));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionTemplates/{code}/languages/ENU/attachment")).StatusCode);
        Assert.Equal((before.Attachments + 1, before.Contents + 1), await CountFilesAsync(provider));
        Assert.Equal(letter, await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages/NLD/attachment")).Content.ReadAsByteArrayAsync());

        // Rule 4: deleting the template removes its languages and their attachments (and the bytes nobody uses).
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionTemplates/{code}")).StatusCode);
        Assert.Equal(before, await CountFilesAsync(provider));
        await (await client.GetAsync($"/api/v1/interactionTemplates/{code}/languages")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Removing_the_default_language_leaves_the_template_without_one(string provider)
    {
        var client = await Admin(provider);
        var code = await TemplateAsync(client, await GroupAsync(client), new { languageCodeDefault = "ENU" });
        await (await client.PostAsync($"/api/v1/interactionTemplates/{code}/languages", new { languageCode = "enu" })).ProblemAsync(HttpStatusCode.Conflict, "languageCode");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionTemplates/{code}/languages/ENU")).StatusCode);
        var template = await (await client.GetAsync($"/api/v1/interactionTemplates/{code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Null(template.Str("languageCodeDefault"));
        await (await client.DeleteAsync($"/api/v1/interactionTemplates/{code}/languages/ENU")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Groups_are_maintained_and_one_with_templates_cannot_be_deleted(string provider)
    {
        var client = await Admin(provider);
        var group = await GroupAsync(client);
        var patched = await (await client.PatchAsync($"/api/v1/interactionGroups/{group}", new { description = "Brieven" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Brieven", patched.Str("description"));
        await (await client.PostAsync("/api/v1/interactionGroups", new { code = group })).ProblemAsync(HttpStatusCode.Conflict, "code");
        await (await client.PostAsync("/api/v1/interactionGroups", new { code = "ELEVENCHARS" })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await client.PostAsync("/api/v1/interactionGroups", new { description = "no code" })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        var template = await TemplateAsync(client, group);
        await (await client.DeleteAsync($"/api/v1/interactionGroups/{group}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionTemplates/{template}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/interactionGroups/{group}")).StatusCode);
        await (await client.GetAsync($"/api/v1/interactionGroups/{group}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rule_53_the_setup_takes_only_templates_without_languages(string provider)
    {
        var client = await Admin(provider);
        var group = await GroupAsync(client);
        var plain = await TemplateAsync(client, group);
        var withLanguage = await TemplateAsync(client, group, new { languageCodeDefault = "ENU" });

        var setup = await (await client.PatchAsync("/api/v1/interactionTemplateSetup", new { salesInvoice = plain.ToLowerInvariant(), coverSheet = plain })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(plain, setup.Str("salesInvoice"));
        Assert.Equal(plain, setup.Str("coverSheets"));
        Assert.Equal(31, setup.EnumerateObject().Count()); // the 26 document types and 5 general keys

        var refused = await (await client.PatchAsync("/api/v1/interactionTemplateSetup", new { salesQuote = withLanguage, purchaseOrder = "NOSUCH" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "salesQuote");
        Assert.True(refused.GetProperty("errors").TryGetProperty("purchaseOrder", out _));
        Assert.Contains($"Interaction Template {withLanguage} has assigned Interaction Template Language ENU", refused.GetProperty("errors").GetProperty("salesQuote")[0].GetString());
        // Meeting invitations carry their invitation as an attachment: allowed with languages, as in BC.
        await (await client.PatchAsync("/api/v1/interactionTemplateSetup", new { meetingInvitation = withLanguage })).JsonAsync(HttpStatusCode.OK);
        await (await client.PatchAsync("/api/v1/interactionTemplateSetup", new { salesInvoices = plain })).ProblemAsync(HttpStatusCode.BadRequest, "salesInvoices");

        // The other way round: a template that records documents gets no languages, and cannot be deleted.
        await (await client.PostAsync($"/api/v1/interactionTemplates/{plain}/languages", new { languageCode = "ENU" })).ProblemAsync(HttpStatusCode.Conflict, "languageCode");
        await (await client.DeleteAsync($"/api/v1/interactionTemplates/{plain}")).ProblemAsync(HttpStatusCode.Conflict);

        var cleared = await (await client.PatchAsync("/api/v1/interactionTemplateSetup", new Dictionary<string, string?> { ["salesInvoice"] = null, ["coverSheets"] = null, ["meetingInvitation"] = null })).JsonAsync(HttpStatusCode.OK);
        Assert.Null(cleared.Str("salesInvoice"));
        Assert.Null(cleared.Str("coverSheet"));
    }
}
