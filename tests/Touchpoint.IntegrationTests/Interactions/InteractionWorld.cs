using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// What most interaction tests start from, made through the API with codes of its own: a salesperson, a company with a
/// person, a group and a call template (outbound, initiated by us, 1.50 and 15 minutes unless <c>template</c> says
/// otherwise; its properties are added to or replace the template's fields, as <c>company</c>'s do the company's).
/// </summary>
internal sealed record InteractionWorld(HttpClient Client, HttpClient Admin, string Company, string Person, string Salesperson, string Group, string Template)
{
    public static async Task<InteractionWorld> CreateAsync(TouchpointApp app, object? template = null, object? company = null)
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var client = await app.ClientAsync(Roles.Sales);
        var salesperson = Unique.Code("S");
        await (await admin.PostAsync("/api/v1/salespeople", new { code = salesperson, name = "Sam Seller" })).JsonAsync(HttpStatusCode.Created);
        var companyNo = (await (await client.PostAsync("/api/v1/contacts", With(new() { ["name"] = "Log Co" }, company))).JsonAsync(HttpStatusCode.Created)).Str("no");
        var person = (await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Lena Log", companyNo })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var group = Unique.Code("G")[..8];
        await (await admin.PostAsync("/api/v1/interactionGroups", new { code = group, description = "Phone" })).JsonAsync(HttpStatusCode.Created);
        var code = Unique.Code("T")[..9];
        await (await admin.PostAsync("/api/v1/interactionTemplates", With(new()
        {
            ["code"] = code, ["interactionGroupCode"] = group, ["description"] = "Outgoing call", ["unitCostLcy"] = 1.5m,
            ["unitDurationMin"] = 15, ["informationFlow"] = "outbound", ["initiatedBy"] = "us",
        }, template))).JsonAsync(HttpStatusCode.Created);
        return new InteractionWorld(client, admin, companyNo, person, salesperson, group, code);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, object? extra)
    {
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }
        return body;
    }
}
