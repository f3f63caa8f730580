using System.Net;
using System.Net.Http.Headers;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>
/// Bodies over their endpoint's limit are answered 413 before they are read: an anonymous client must not be able to
/// make the server hold megabytes per request (sign-in took 28 MB bodies into a JSON tree).
/// </summary>
public sealed class BodyLimitTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const int Oversized = 28 * 1024 * 1024;

    [Theory, SqliteData, PostgresData]
    public async Task An_oversized_sign_in_is_refused_with_413_before_its_body_is_read(string provider)
    {
        var client = apps.For(provider).Anonymous();
        var body = new CountingContent(Oversized, declareLength: true);
        var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative), body);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("8 KB", problem.Str("detail"), StringComparison.Ordinal);
        Assert.True(body.Read < 1024 * 1024, $"{body.Read:N0} bytes of the body were read before the answer.");
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_oversized_chunked_sign_in_is_cut_off_at_the_limit_with_the_same_answer_as_a_declared_one(string provider)
    {
        var client = apps.For(provider).Anonymous();
        var body = new CountingContent(Oversized, declareLength: false);
        var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative), body);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Payload Too Large", problem.Str("title"));
        Assert.Contains("8 KB", problem.Str("detail"), StringComparison.Ordinal);
        Assert.True(body.Read < 1024 * 1024, $"{body.Read:N0} bytes of the body were read before the answer.");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refresh_body_over_a_few_KB_is_refused_with_413(string provider)
    {
        var client = apps.For(provider).Anonymous();
        var response = await client.PostRawAsync("/api/v1/auth/refresh", $$"""{"refreshToken":"{{new string('a', 20_000)}}"}""");
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_json_body_over_1_MB_is_refused_with_413_and_an_upload_may_be_larger(string provider)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        var response = await admin.PostRawAsync("/api/v1/contacts", $$"""{"name":"{{new string('a', 1_100_000)}}"}""");
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1 MB", problem.Str("detail"), StringComparison.Ordinal);

        // An attachment's limit is its configured size (20 MB): 2 MB reaches the endpoint, which knows no such template.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "big.txt");
        var upload = await admin.PutAsync(new Uri("/api/v1/interactionTemplates/NOSUCHTPL/languages/ENU/attachment", UriKind.Relative), form);
        await upload.ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A body of that many bytes made as it is read, counting how many were.</summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _declareLength;
        private long _read;

        public CountingContent(long length, bool declareLength)
        {
            _length = length;
            _declareLength = declareLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public long Read => Interlocked.Read(ref _read);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)' ');
            chunk[0] = (byte)'[';
            try
            {
                for (long sent = 0; sent < _length; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk);
                    Interlocked.Add(ref _read, chunk.Length);
                    chunk[0] = (byte)' ';
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The server answered and stopped reading: that is the point.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return _declareLength;
        }
    }
}
