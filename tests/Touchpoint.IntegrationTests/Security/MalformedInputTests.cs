using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>What a careless or hostile client sends is a 400 naming the field, never a 500 (docs/api.md, "Conventions").</summary>
public sealed class MalformedInputTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Duplicate_names_are_refused_naming_the_field_on_sign_in_and_everywhere_else(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        await (await app.Anonymous().PostRawAsync("/api/v1/auth/login", "{\"email\":\"a@b.c\",\"email\":\"d@e.f\",\"password\":\"x\"}"))
            .ProblemAsync(HttpStatusCode.BadRequest, "email");
        await (await admin.PostRawAsync("/api/v1/contacts", "{\"name\":\"One\",\"Name\":\"Two\"}")).ProblemAsync(HttpStatusCode.BadRequest, "Name");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Lone_surrogates_and_NUL_characters_in_text_are_refused_naming_the_field(string provider)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        await (await admin.PostRawAsync("/api/v1/contacts", "{\"name\":\"A\\ud800\"}")).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await admin.PostRawAsync("/api/v1/contacts", "{\"name\":\"A\",\"city\":\"\\udc00B\"}")).ProblemAsync(HttpStatusCode.BadRequest, "city");
        await (await admin.PostRawAsync("/api/v1/contacts", "{\"name\":\"A\\u0000B\"}")).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await admin.GetAsync("/api/v1/contacts?search=a%00b")).ProblemAsync(HttpStatusCode.BadRequest, "search");
    }

    public static IEnumerable<object[]> BadCursors =>
    [
        ["!!!"], [Encode("[null,null,null]")], [Encode("[\"x\",\"y\",\"z\"]")], [Encode("[\"2026-01-01\",\"10:00:00.0000000\",\"99999999999999999999\"]")],
        [Encode("[\"\\ud800\",\"a\",\"b\"]")], [Encode("[\"9999-99-99\",\"25:61\",\"-x\"]")], [Encode("{}")],
    ];

    [Theory, SqliteData(nameof(BadCursors)), PostgresData(nameof(BadCursors))]
    public async Task A_malformed_cursor_on_the_log_and_the_postponed_list_is_a_400_on_the_cursor(string provider, string cursor)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        await (await admin.GetAsync($"/api/v1/interactionLogEntries?cursor={cursor}")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await admin.GetAsync($"/api/v1/postponedInteractions?cursor={cursor}")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_truncated_upload_is_a_400_on_the_file(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK some bytes"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var response = await w.Admin.PutAsync($"/api/v1/interactionTemplates/{w.Template}/languages/ENU/attachment", body);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True((int)response.StatusCode is 400 or 404, $"got {(int)response.StatusCode}");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Null_in_a_list_and_lists_over_1000_ids_are_refused_naming_the_field(string provider)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        await (await admin.PostRawAsync("/api/v1/users", "{\"email\":\"n@test.local\",\"password\":\"Null-Pass-123\",\"roles\":[null]}"))
            .ProblemAsync(HttpStatusCode.BadRequest, "roles");
        var ids = string.Join(',', Enumerable.Range(1, 40_000));
        await (await admin.PostRawAsync("/api/v1/interactionLogEntries/cancel", $"{{\"entryNos\":[{ids}]}}")).ProblemAsync(HttpStatusCode.BadRequest, "entryNos");
        await (await admin.PostRawAsync("/api/v1/interactionLogEntries/cancel", $"{{\"entryNos\":[{string.Join(',', Enumerable.Range(1, 1001))}]}}"))
            .ProblemAsync(HttpStatusCode.BadRequest, "entryNos");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Money_and_durations_past_999999999_99_or_below_0_are_refused_on_templates_segments_and_their_lines(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Admin.PatchAsync($"/api/v1/interactionTemplates/{w.Template}", new { unitCostLcy = 1e16m })).ProblemAsync(HttpStatusCode.BadRequest, "unitCostLcy");
        await (await w.Admin.PatchAsync($"/api/v1/interactionTemplates/{w.Template}", new { unitDurationMin = 1_000_000_000m })).ProblemAsync(HttpStatusCode.BadRequest, "unitDurationMin");
        var segment = (await (await w.Admin.PostAsync("/api/v1/segments", new { description = "Bounds", interactionTemplateCode = w.Template }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Admin.PatchAsync($"/api/v1/segments/{segment}", new { unitCostLcy = 9.2e16m })).ProblemAsync(HttpStatusCode.BadRequest, "unitCostLcy");
        await (await w.Admin.PostAsync($"/api/v1/segments/{segment}/lines", new { contactNo = w.Company })).JsonAsync(HttpStatusCode.Created);
        await (await w.Admin.PatchAsync($"/api/v1/segments/{segment}/lines/10000", new { costLcy = -1m })).ProblemAsync(HttpStatusCode.BadRequest, "costLcy");
        await (await w.Admin.PatchAsync($"/api/v1/segments/{segment}/lines/10000", new { durationMin = 1e20m })).ProblemAsync(HttpStatusCode.BadRequest, "durationMin");
        // The maximum itself is fine.
        await (await w.Admin.PatchAsync($"/api/v1/interactionTemplates/{w.Template}", new { unitCostLcy = 999_999_999.99m })).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Statistics_add_day_totals_beyond_64_bits_exactly_and_a_day_total_that_would_overflow_refuses_the_write(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        // Two days whose totals are near the most a day's row holds: their sum no longer fits 64 bits.
        const long nearMax = long.MaxValue - 1000;
        await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().Database.ExecuteSqlRawAsync(
            "INSERT INTO \"InteractionTotals\" (\"Key\", \"Code\", \"Date\", \"NoOfInteractions\", \"CostLcyHundredths\", \"DurationMinHundredths\", \"CampaignTargets\", \"CampaignResponses\") " +
            "VALUES (1, {0}, {1}, 1, {2}, {2}, 0, 0), (1, {0}, {3}, 1, {2}, {2}, 0, 0)",
            w.Template, new DateOnly(2026, 1, 5), nearMax, new DateOnly(2026, 1, 6)));

        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2m * nearMax / 100m, stats.GetProperty("costLcy").GetDecimal());

        // One more entry at the maximum on one of those days would take its row past 64 bits: refused, nothing written.
        await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-01-05", costLcy = 999_999_999.99m,
        })).ProblemAsync(HttpStatusCode.Conflict);
        var entries = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?interactionTemplateCode={w.Template}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, entries.GetProperty("value").GetArrayLength());
        stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2m * nearMax / 100m, stats.GetProperty("costLcy").GetDecimal());
    }

    private static string Encode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The OpenAPI document shows the bodies the endpoints read, not their answers.</summary>
public sealed class OpenApiBodyTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [InlineData("/api/v1/interactionLogEntries/cancel", "entryNos")]
    [InlineData("/api/v1/interactionLogEntries/uncancel", "entryNos")]
    [InlineData("/api/v1/segments/{no}/log", "send,createFollowUpSegment")]
    [InlineData("/api/v1/segments/{no}/addContacts", "filter,allowExistingContacts")]
    [InlineData("/api/v1/segments/{no}/reduceContacts", "filter")]
    [InlineData("/api/v1/segments/{no}/refineContacts", "filter")]
    [InlineData("/api/v1/segments/{no}/saveCriteria", "code,description")]
    [InlineData("/api/v1/segments/{no}/reuseCriteria", "code")]
    [InlineData("/api/v1/users", "email,password,roles,salespersonCode")]
    public async Task The_request_body_of_an_operation_lists_the_fields_it_reads(string path, string fields)
    {
        var admin = await apps.For(TestDatabases.Sqlite).ClientAsync(Roles.Admin);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var schema = document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        if (schema["$ref"] is { } reference)
        {
            schema = document["components"]!["schemas"]![((string)reference!).Split('/').Last()]!;
        }
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(fields.Split(',').Order(), properties);
    }
}
