using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>
/// How large a request body may be, per endpoint: sign-in and refresh a few KB, every other endpoint 1 MB (JSON bodies
/// are small: at most 1,000 ids in one request), attachment uploads their configured size (their own
/// <see cref="RequestSizeLimitAttribute"/>). A body over its limit is answered 413 before any of it is read: a declared
/// Content-Length is compared up front, and a chunked body is cut off by the server where it passes the limit. Without
/// this an anonymous client could make the server hold 30 MB (Kestrel's default) per sign-in in a JSON tree.
/// </summary>
internal static class BodyLimits
{
    /// <summary>Sign-in and refresh: an e-mail and a password, or one refresh token, with room to spare.</summary>
    public const long SignIn = 8 * 1024;

    /// <summary>Every endpoint without a limit of its own.</summary>
    public const long Default = 1024 * 1024;

    /// <summary>Gives the endpoint (or group) a limit of its own.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    /// <summary>After routing (the endpoint's limit is in its metadata), before anything reads a body.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitOf(context.GetEndpoint());
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false })
        {
            // Kestrel stops a chunked body here with a 413 (BadHttpRequestException, made a problem by
            // ApiExceptionHandler), and does not drain an oversized declared body after the answer below.
            size.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null)
        {
            // A server without the feature (the test host): count the bytes ourselves.
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = TooLarge(limit),
            });
            return;
        }
        await next(context);
    });

    /// <summary>The 413 of a body over the limit of the request's endpoint (for a chunked body found too large while read).</summary>
    public static ProblemDetails TooLarge(Endpoint? endpoint) => TooLarge(LimitOf(endpoint));

    private static long LimitOf(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Default;

    private static ProblemDetails TooLarge(long limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = Messages.Get("ProblemTitle_413"),
        Detail = Messages.Get("BodyOverLimit", Size(limit)),
    };

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " KB";

    /// <summary>A body that throws the server's own 413 once more than the limit has been read from it.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException(Messages.Get("BodyTooLarge"), StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
