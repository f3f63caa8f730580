using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>
/// Turns every refusal into an RFC 7807 problem: domain refusals into 400/404/409 with the field messages, request
/// errors (unreadable query values, unsupported content) into 400/413/415. Anything else is a bug and stays a 500,
/// logged with its trace id.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // A chunked body cut off at its limit: the same answer as a declared length over it, naming the endpoint's limit
        // (the exception handler middleware has cleared the endpoint by now; its feature still knows it).
        var problem = exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            ? BodyLimits.TooLarge(context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())
            : ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }
        context.Response.StatusCode = problem.Status ?? 400;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? ToProblem(Exception exception)
    {
        switch (exception)
        {
            case DomainException d:
                var status = d.Kind switch
                {
                    DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                    DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                    DomainErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                    DomainErrorKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
                    DomainErrorKind.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
                    DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status400BadRequest,
                };
                ProblemDetails p = d.Errors.Count > 0 && status == StatusCodes.Status400BadRequest
                    ? new HttpValidationProblemDetails(d.Errors.ToDictionary(e => e.Key, e => e.Value))
                    : new ProblemDetails();
                if (d.Errors.Count > 0 && p is not HttpValidationProblemDetails)
                {
                    p.Extensions["errors"] = d.Errors;
                }
                p.Status = status;
                p.Title = status switch
                {
                    403 => Messages.Get("ProblemTitle_403"),
                    404 => Messages.Get("ProblemNotFound"),
                    409 => Messages.Get("ProblemConflict"),
                    413 => Messages.Get("ProblemTitle_413"),
                    415 => Messages.Get("ProblemTitle_415"),
                    422 => Messages.Get("ProblemTitle_422"),
                    _ => Messages.Get("ProblemInvalid"),
                };
                p.Detail = d.Message;
                return p;
            case InvalidDataException:
                // A multipart body that cannot be read (broken boundaries, a section over the form limits).
                return new ProblemDetails { Status = 400, Title = Messages.Get("ProblemInvalid"), Detail = Messages.Get("FormUnreadable") };
            case HttpProblemException h:
                return new ProblemDetails { Status = h.Status, Title = h.Title, Detail = h.Message };
            case BadHttpRequestException b:
                var match = BindFailure().Match(b.Message);
                if (match.Success)
                {
                    var name = match.Groups["name"].Value;
                    var message = Messages.Get("ValueNotValidFor", match.Groups["value"].Value, Messages.Field(name));
                    return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
                    {
                        Status = 400, Title = Messages.Get("ProblemInvalid"), Detail = message,
                    };
                }
                return new ProblemDetails
                {
                    Status = b.StatusCode, Title = Messages.Get("ProblemInvalid"),
                    Detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? Messages.Get("BodyTooLarge") : b.Message,
                };
            case DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: "23505" or "23503" } }
                or SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: "23505" or "23503" }
                or DbUpdateConcurrencyException:
                // A race lost to another request that wrote the same key between our check and our insert (through EF
                // Core or a statement of its own), or changed or removed a row this one was about to change.
                return new ProblemDetails
                {
                    Status = 409, Title = Messages.Get("ProblemConflict"), Detail = Messages.Get("WriteConflict"),
                };
            default:
                return null;
        }
    }

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^\"]*) (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();
}
