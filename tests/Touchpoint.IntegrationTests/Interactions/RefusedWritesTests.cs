using System.Net;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// Requests refused on their way into the log must leave nothing behind: no half-written entry, and no connection or
/// pooled context in a state that fails the next request that is fine.
/// </summary>
public sealed class RefusedWritesTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Rounds_of_overflowing_amounts_are_refused_naming_the_field_and_the_valid_requests_after_them_succeed(string provider)
    {
        using var app = new TouchpointApp(provider);
        var w = await InteractionWorld.CreateAsync(app);
        object Body(decimal cost, decimal duration) => new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Overflow",
            costLcy = cost, durationMin = duration,
        };
        decimal[] overflowing = [1e16m, 9.2e16m, 1e20m, 1_000_000_000m, 999_999_999.995m, -0.01m];

        for (var round = 0; round < 10; round++)
        {
            // Sent together, so that they share the log's batches (and its transactions) with each other.
            var refused = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => w.Client.PostAsync("/api/v1/interactions",
                i % 2 == 0 ? Body(overflowing[i / 2 % overflowing.Length], 1) : Body(1, overflowing[i / 2 % overflowing.Length]))));
            for (var i = 0; i < refused.Length; i++)
            {
                await refused[i].ProblemAsync(HttpStatusCode.BadRequest, i % 2 == 0 ? "costLcy" : "durationMin");
            }
            var valid = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => w.Client.PostAsync("/api/v1/interactions", Body(999_999_999.99m, 999_999_999m))));
            foreach (var response in valid)
            {
                await response.JsonAsync(HttpStatusCode.Created);
            }
        }

        var entries = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}&limit=1000")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20, entries.GetProperty("value").GetArrayLength());
        // 20 entries at the maximum (durations are whole minutes): exact, neither wrapped nor rounded.
        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20 * 999_999_999.99m, stats.GetProperty("costLcy").GetDecimal());
        Assert.Equal(20 * 999_999_999m, stats.GetProperty("durationMin").GetDecimal());
    }
}
