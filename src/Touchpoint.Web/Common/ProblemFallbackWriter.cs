using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Touchpoint.Web.Common;

/// <summary>
/// Writes a problem as <c>application/problem+json</c> when the request accepts no JSON at all, e.g. an export asked
/// for with <c>Accept: text/csv</c> whose filter is refused. ASP.NET Core's own writer declines such a request and the
/// 400 would go out with an empty body; a client is better served by a body it did not ask for (RFC 9110 allows it)
/// that names the field. Registered after the default writer, so it only answers what that one declines.
/// </summary>
internal sealed class ProblemFallbackWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        // What the default writer adds: the status, and the trace id the log has.
        problem.Status ??= http.Response.StatusCode;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions,
            "application/problem+json", http.RequestAborted));
    }
}
