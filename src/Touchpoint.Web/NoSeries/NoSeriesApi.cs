using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.NoSeries;

/// <summary>Number series (contacts, campaigns, opportunities, segments): read by all, prefixes changed by admins.</summary>
internal static class NoSeriesApi
{
    public static void MapNoSeries(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/noSeries").WithTags("Number series");
        group.MapGet("/", async (ChangeNoSeries series, CancellationToken ct) =>
            TypedResults.Ok(new { value = await series.ListAsync(ct), nextCursor = (string?)null }));
        group.MapPatch("/{code}", async (string code, HttpRequest request, ChangeNoSeries series, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("prefix", "width");
            var prefix = body.Value<string?>("prefix");
            var width = body.Value<int?>("width");
            body.ThrowIfErrors();
            return TypedResults.Ok(await series.HandleAsync(code, prefix, width, ct));
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<NoSeriesDto>()
        .WithSummary("Change the prefix or the number of digits of a series; numbers already given stay");
    }
}
