using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Audit;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

/// <summary>
/// Contacts and salespeople with history (interaction log entries, campaign entries) are deleted by an admin only,
/// who confirms it (confirm=true) after being told how much history it touches; each deletion is in the audit trail.
/// </summary>
public sealed class DeleteWithHistoryTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_contact_with_interactions_is_deleted_only_by_an_admin_who_confirms_and_the_deletion_is_audited(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        for (var i = 0; i < 2; i++)
        {
            await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
                .JsonAsync(HttpStatusCode.Created);
        }

        var forbidden = await (await w.Client.DeleteAsync($"/api/v1/contacts/{w.Person}?confirm=true")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("2", forbidden.Str("detail"));
        Assert.Contains("administrator", forbidden.Str("detail"));
        var unconfirmed = await (await w.Admin.DeleteAsync($"/api/v1/contacts/{w.Person}")).ProblemAsync(HttpStatusCode.Conflict, "confirm");
        Assert.Contains("2", unconfirmed.Str("detail"));
        Assert.Contains("confirm=true", unconfirmed.Str("detail"));
        await (await w.Admin.GetAsync($"/api/v1/contacts/{w.Person}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/contacts/{w.Person}?confirm=true")).StatusCode);
        await (await w.Admin.GetAsync($"/api/v1/contacts/{w.Person}")).ProblemAsync(HttpStatusCode.NotFound);
        var audit = Assert.Single(await AuditTrailTests.AuditAsync(w.Admin, $"entity=contact&key={w.Person}"));
        Assert.Equal("delete", audit.Str("action"));
        Assert.Equal(TouchpointApp.AdminEmail, audit.Str("userId"));
        Assert.Contains("interactions=2", audit.Str("details"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_without_history_is_still_deleted_by_sales_without_confirmation_and_audited(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/contacts", new { name = "Fresh Co" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/contacts/{no}")).StatusCode);
        Assert.Equal("sales@test.local", Assert.Single(await AuditTrailTests.AuditAsync(w.Admin, $"entity=contact&key={no}")).Str("userId"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_salesperson_with_entries_is_deleted_only_by_an_admin_who_confirms_and_its_entries_keep_its_code(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var code = Unique.Code("P");
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code, name = "Paula Past" })).JsonAsync(HttpStatusCode.Created);
        var entry = (await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = code }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

        var forbidden = await (await w.Client.DeleteAsync($"/api/v1/salespeople/{code}?confirm=true")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("administrator", forbidden.Str("detail"));
        await (await w.Admin.DeleteAsync($"/api/v1/salespeople/{code}")).ProblemAsync(HttpStatusCode.Conflict, "confirm");
        await (await w.Admin.GetAsync($"/api/v1/salespeople/{code}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/salespeople/{code}?confirm=true")).StatusCode);
        var kept = await (await w.Admin.GetAsync($"/api/v1/interactionLogEntries/{entry}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(code, kept.Str("salespersonCode"));
        var audit = Assert.Single(await AuditTrailTests.AuditAsync(w.Admin, $"entity=salesperson&key={code}"));
        Assert.Contains("interactions=1", audit.Str("details"));
    }
}
