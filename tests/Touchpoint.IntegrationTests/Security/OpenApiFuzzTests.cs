using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;
using Xunit.Abstractions;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>
/// Walks the OpenAPI document of a running app and sends every operation what a careless or hostile client might:
/// malformed and oddly shaped JSON bodies, each described property with values of the wrong type or out of range,
/// bad path values and bad query strings. Nothing a client sends may answer 5xx. The operations come from the
/// document, not from a list kept here, so an endpoint added later is covered the day it is described.
/// </summary>
public sealed class OpenApiFuzzTests(ITestOutputHelper output)
{
    [Theory, SqliteData, PostgresData]
    public async Task No_operation_answers_malformed_input_with_a_server_error(string provider)
    {
        using var app = new TouchpointApp(provider);
        var world = await FuzzWorld.CreateAsync(app);
        var document = JsonNode.Parse(await (await world.Admin.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var fuzzer = new Fuzzer(world, document);
        var clock = Stopwatch.StartNew();

        await fuzzer.RunAsync();

        // The whole list, for the developer who has to go through it.
        var report = Path.Combine(Path.GetTempPath(), $"touchpoint-fuzz-{provider}.txt");
        await File.WriteAllLinesAsync(report, fuzzer.Failures.Order(StringComparer.Ordinal));
        output.WriteLine($"OpenAPI fuzz on {provider}: {fuzzer.Operations} operations, {fuzzer.Tried} requests, " +
            $"{fuzzer.Failures.Count} answered 5xx, in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(fuzzer.Operations > 60, $"only {fuzzer.Operations} operations in the document");
        Assert.True(fuzzer.Failures.IsEmpty, $"{fuzzer.Failures.Count} of {fuzzer.Tried} requests answered 5xx:\n"
            + string.Join("\n", fuzzer.Failures.Take(60)));
        // The fuzz must not have signed itself out on the way: every request after it would then be a vacuous 401.
        await (await world.Admin.GetAsync("/api/v1/contacts")).JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Real keys to put in paths and bodies, so that malformed values reach the code behind the 404s.</summary>
    private sealed record FuzzWorld(HttpClient Admin, Dictionary<string, string> Keys)
    {
        public static async Task<FuzzWorld> CreateAsync(TouchpointApp app)
        {
            var w = await InteractionWorld.CreateAsync(app);
            var campaign = (await (await w.Admin.PostAsync("/api/v1/campaigns", new { description = "Fuzz" })).JsonAsync(HttpStatusCode.Created)).Str("no");
            var segment = (await (await w.Admin.PostAsync("/api/v1/segments", new { description = "Fuzz", interactionTemplateCode = w.Template }))
                .JsonAsync(HttpStatusCode.Created)).Str("no");
            await (await w.Admin.PostAsync($"/api/v1/segments/{segment}/lines", new { contactNo = w.Company })).JsonAsync(HttpStatusCode.Created);
            await (await w.Admin.PostAsync($"/api/v1/segments/{segment}/lines", new { contactNo = w.Person })).JsonAsync(HttpStatusCode.Created);
            var entry = (await (await w.Admin.PostAsync("/api/v1/interactions", new
            {
                contactNo = w.Person, interactionTemplateCode = w.Template, description = "Fuzz call", campaignNo = campaign, salespersonCode = w.Salesperson,
            })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var opportunity = (await (await w.Admin.PostAsync("/api/v1/opportunities", new { description = "Fuzz deal", contactNo = w.Company, salespersonCode = w.Salesperson }))
                .JsonAsync(HttpStatusCode.Created)).Str("no");
            return new FuzzWorld(w.Admin, new()
            {
                ["contacts"] = w.Company, ["person"] = w.Person, ["salespeople"] = w.Salesperson, ["interactionGroups"] = w.Group,
                ["interactionTemplates"] = w.Template, ["campaigns"] = campaign, ["segments"] = segment, ["opportunities"] = opportunity,
                ["entryNo"] = entry, ["noSeries"] = "CONT",
            });
        }
    }

    private sealed class Fuzzer(FuzzWorld world, JsonNode document)
    {
        private const int Parallelism = 4;
        private int _tried;

        public int Tried => _tried;

        public int Operations { get; private set; }

        public ConcurrentQueue<string> Failures { get; } = new();

        private static readonly string HugeString = new('x', 100_000);

        // Bodies that are not a usable JSON object at all.
        private static readonly (string Name, string Body)[] BrokenBodies =
        [
            ("empty", ""), ("invalid JSON", "{\"a\":"), ("not JSON", "hello"), ("null", "null"), ("array", "[]"), ("string", "\"x\""),
            ("number", "1e999"), ("duplicate keys", "{\"description\":\"a\",\"description\":\"b\"}"),
            ("duplicate keys, other case", "{\"description\":\"a\",\"Description\":\"b\"}"),
            ("lone surrogate", "{\"description\":\"\\ud800\"}"), ("lone low surrogate", "{\"description\":\"a\\udc00b\"}"),
            ("lone surrogate in a name", "{\"\\ud800\":1}"), ("NUL character", "{\"description\":\"a\\u0000b\"}"),
            ("deep nesting", "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}"),
            ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70)),
            ("invalid UTF-8", "{\"description\":\"\u00ff\"}"),
            ("trailing garbage", "{}}"), ("comment", "{/* c */}"), ("trailing comma", "{\"a\":1,}"),
            ("40,000 properties", "{" + string.Join(',', Enumerable.Range(0, 40_000).Select(i => $"\"p{i}\":1")) + "}"),
        ];

        // Values of the wrong type or out of range, for every property.
        private static readonly string[] AnyProperty =
        [
            "\"x\"", "1", "-1", "true", "[]", "{}", "null", "[null]", "[{}]", "{\"a\":{\"b\":[1]}}", "\"\\ud800\"", "\"\\u0000\"", "1e999",
            "99999999999999999999999999999999999999", "\"" + HugeString + "\"",
        ];

        private static readonly string[] NumberProperty =
        [
            "0", "-0.01", "0.001", "1.5", "-99999999999", "1e16", "9.2e16", "1e17", "1e28", "7.9e28", "9999999999999999999",
            "999999999.99", "999999999.999", "1000000000", "2147483648", "-2147483649", "9223372036854775808", "1e-30", "\"1\"",
        ];

        private static readonly string[] StringProperty =
        [
            "\"\"", "\" \"", "\"\\t\\r\\n\"", "\"" + new string('a', 101) + "\"", "\"" + new string('A', 21) + "\"", "\"0000-00-00\"",
            "\"2026-02-30\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"25:00\"", "\"=HYPERLINK(\\\"x\\\")\"", "\"a\\\\b\"",
            "\"\\ud83d\\ude00\"", "\"\\udfff\\ud800\"", "\"%00\"", "\"../../etc/passwd\"",
        ];

        private static readonly string[] ArrayProperty =
        [
            "[" + string.Join(',', Enumerable.Repeat("1", 40_000)) + "]", "[" + string.Join(',', Enumerable.Repeat("\"x\"", 40_000)) + "]",
            "[" + string.Join(',', Enumerable.Range(1, 1001)) + "]", "[null]", "[\"\\ud800\"]", "[1e999]", "[-1]", "[[1]]",
            "[9223372036854775808]", "[" + string.Join(',', Enumerable.Repeat("{}", 40_000)) + "]",
        ];

        private static readonly string[] BadPathValues =
        [
            // (No %00: the test client refuses to send it; Kestrel answers it 400 itself.)
            "x", "0", "-1", "99999999999999999999", "9223372036854775807", "-9223372036854775808", new('A', 2_000), "%ED%A0%80",
            "%FF", "..%2F..%2Fetc", "%20", "a%0Ab", "%F0%9F%98%80",
        ];

        private static readonly string[] BadQueryValues =
        [
            "x", "-1", "0", "1.5", "99999999999999999999", "2147483648", "true", "2026-13-45", "0001-01-01", "9999-12-31",
            new('q', 10_000), "%00", "%ED%A0%80", "%FF", "'%3B--",
        ];

        private static readonly string[] BadCursors = Cursors();

        private static string[] Cursors()
        {
            static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return
            [
                "!!!", "====", "a", Encode("{}"), Encode("[]"), Encode("null"), Encode("[null]"), Encode("[null,null]"), Encode("[null,null,null]"),
                Encode("[\"x\"]"), Encode("[\"x\",\"y\"]"), Encode("[\"x\",\"y\",\"z\"]"), Encode("[1,2,3]"), Encode("[\"\\ud800\"]"),
                Encode("[\"\\ud800\",\"\\ud800\"]"), Encode("[\"\\u0000\"]"), Encode("[\"\\u0000\",\"\\u0000\"]"),
                Encode("[\"9999-99-99\",\"25:61:00\",\"-1\"]"), Encode("[\"2026-01-01\",\"10:00:00\",\"99999999999999999999\"]"),
                Encode("[\"2026-01-01\",\"x\",\"1\"]"), Encode("[\"99999999999999999999\"]"), Encode("[\"" + new string('x', 5000) + "\"]"),
                Encode("[\"" + new string('x', 5000) + "\",\"" + new string('x', 5000) + "\"]"), Encode(new string('[', 3000)),
            ];
        }

        public async Task RunAsync()
        {
            var work = new List<Func<Task>>();
            var paths = document["paths"]!.AsObject();
            var operations = new List<(string Method, string Path, JsonObject Operation)>();
            foreach (var (path, item) in paths)
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (method is "get" or "post" or "put" or "patch" or "delete")
                    {
                        operations.Add((method.ToUpperInvariant(), path, operation!.AsObject()));
                    }
                }
            }
            Operations = operations.Count;
            // Deletions and the segment log change what the others work on: they go last, and only with bad values.
            foreach (var (method, path, operation) in operations.OrderBy(o => o.Method == "DELETE" || o.Path.EndsWith("/log", StringComparison.Ordinal)))
            {
                if (path == "/api/v1/auth/logout")
                {
                    // It takes no body and ends the caller's sessions, the fuzzer's own: every request after it would be a vacuous 401.
                    continue;
                }
                var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                var pathParameters = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
                var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
                var url = Url(path, pathParameters, null, null);
                var safe = method != "DELETE" && !path.EndsWith("/log", StringComparison.Ordinal);

                foreach (var name in pathParameters)
                {
                    foreach (var bad in BadPathValues)
                    {
                        var badUrl = Url(path, pathParameters, name, bad);
                        work.Add(() => SendAsync(method, badUrl, method is "GET" or "DELETE" ? null : "{}", $"path {name}={Show(bad)}"));
                    }
                }
                foreach (var parameter in query)
                {
                    var name = (string)parameter["name"]!;
                    var values = name == "cursor" ? BadCursors.Concat(BadQueryValues) : BadQueryValues;
                    foreach (var bad in values)
                    {
                        var value = bad.Contains('%', StringComparison.Ordinal) ? bad : Uri.EscapeDataString(bad);
                        work.Add(() => SendAsync(method, $"{url}?{name}={value}", method is "GET" or "DELETE" ? null : "{}", $"query {name}={Show(bad)}"));
                    }
                }
                if (method is "GET" or "DELETE")
                {
                    continue;
                }
                foreach (var (name, body) in BrokenBodies)
                {
                    work.Add(() => SendAsync(method, url, body, name));
                }
                foreach (var (name, content) in Multiparts())
                {
                    work.Add(() => SendAsync(method, url, content, name));
                }
                var schema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
                if (schema?["properties"] is not JsonObject properties || !safe)
                {
                    continue;
                }
                var good = new JsonObject();
                foreach (var (name, property) in properties)
                {
                    good[name] = GoodValue(name, Resolve(property));
                }
                work.Add(() => SendAsync(method, url, good.ToJsonString(), "every property good"));
                foreach (var (name, property) in properties)
                {
                    var resolved = Resolve(property);
                    var types = Types(resolved);
                    var values = AnyProperty
                        .Concat(types.Contains("number") || types.Contains("integer") ? NumberProperty : [])
                        .Concat(types.Contains("string") ? StringProperty : [])
                        .Concat(types.Contains("array") ? ArrayProperty : []);
                    foreach (var value in values)
                    {
                        var body = Replace(good, name, value);
                        work.Add(() => SendAsync(method, url, body, $"{name}={Show(value)}"));
                    }
                    work.Add(() => SendAsync(method, url, good.ToJsonString()[..^1] + $",\"{name}\":1}}", $"{name} twice"));
                }
            }
            using var gate = new SemaphoreSlim(Parallelism);
            await Task.WhenAll(work.Select(async item =>
            {
                await gate.WaitAsync();
                try
                {
                    await item();
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        private async Task SendAsync(string method, string url, object? body, string what)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            request.Content = body switch
            {
                string json => new StringContent(json, new UTF8Encoding(false), "application/json"),
                HttpContent content => content,
                _ => null,
            };
            if (body is string text && text.Contains('\u00ff', StringComparison.Ordinal))
            {
                // Latin-1 bytes: not UTF-8.
                request.Content = new ByteArrayContent(Encoding.Latin1.GetBytes(text));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            Interlocked.Increment(ref _tried);
            HttpResponseMessage response;
            try
            {
                response = await world.Admin.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
            {
                Failures.Enqueue($"{method} {Shorten(url)} [{what}]: {e.GetType().Name} {e.Message}");
                return;
            }
            using (response)
            {
                if ((int)response.StatusCode >= 500)
                {
                    var detail = await response.Content.ReadAsStringAsync();
                    Failures.Enqueue($"{method} {Shorten(url)} [{what}]: {(int)response.StatusCode} {Shorten(detail)}");
                }
            }
        }

        private static IEnumerable<(string Name, Func<HttpContent> Content)> Multiparts()
        {
            const string boundary = "fuzzboundary";
            const string head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\\\\b\u0001.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            yield return ("truncated multipart", () => Raw(head + "PK\u0003\u0004 some bytes", $"multipart/form-data; boundary={boundary}"));
            yield return ("multipart without boundary", () => Raw(head + "x\r\n--" + boundary + "--\r\n", "multipart/form-data"));
            yield return ("multipart, wrong boundary", () => Raw(head + "x\r\n--other--\r\n", $"multipart/form-data; boundary={boundary}"));
            yield return ("multipart, no parts", () => Raw("--" + boundary + "--\r\n", $"multipart/form-data; boundary={boundary}"));
            yield return ("multipart, header only", () => Raw("--" + boundary + "\r\nContent-Disposition: form-data", $"multipart/form-data; boundary={boundary}"));
            yield return ("multipart, huge boundary", () => Raw("x", "multipart/form-data; boundary=" + new string('b', 5000)));
            yield return ("multipart, odd file name", () =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Files.Docx());
                file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                form.Add(file, "file", "..\\..\\evil\u0007" + new string('n', 400) + ".docx");
                return form;
            });
            yield return ("form-urlencoded", () => Raw("a=1&a=2", "application/x-www-form-urlencoded"));
            yield return ("text/plain", () => Raw("{}", "text/plain"));
        }

        private Task SendAsync(string method, string url, Func<HttpContent> content, string what) => SendAsync(method, url, content(), what);

        private static ByteArrayContent Raw(string text, string contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }

        private string Url(string path, List<string> parameters, string? badName, string? badValue)
        {
            var url = path;
            foreach (var name in parameters)
            {
                var value = name == badName ? badValue! : GoodPathValue(path, name);
                url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }
            return url;
        }

        private string GoodPathValue(string path, string name)
        {
            var resource = path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1").FirstOrDefault() ?? "";
            return name switch
            {
                "entryNo" => world.Keys["entryNo"],
                "lineNo" => "10000",
                "linkToTable" => "customer",
                "linkNo" => "C00001",
                "languageCode" => "ENU",
                _ when world.Keys.TryGetValue(resource, out var key) => key,
                _ => "X1",
            };
        }

        private JsonNode? GoodValue(string name, JsonObject? schema)
        {
            var types = Types(schema);
            if (schema?["enum"] is JsonArray values && values.Count > 0)
            {
                return values.First(v => v is not null)!.DeepClone();
            }
            if (types.Contains("boolean"))
            {
                return false;
            }
            if (types.Contains("integer") || types.Contains("number"))
            {
                return name.Contains("No", StringComparison.Ordinal) && name.EndsWith("No", StringComparison.Ordinal) ? JsonValue.Create(long.Parse(world.Keys["entryNo"], System.Globalization.CultureInfo.InvariantCulture)) : 1;
            }
            if (types.Contains("array"))
            {
                var item = Resolve(schema?["items"]);
                var one = GoodValue(name.TrimEnd('s'), item);
                return one is null ? new JsonArray() : new JsonArray(one);
            }
            if (types.Contains("object") || schema?["properties"] is not null)
            {
                return new JsonObject();
            }
            var format = (string?)schema?["format"];
            return format switch
            {
                "date" => "2026-03-02",
                "time" => "10:30:00",
                "date-time" => "2026-03-02T10:30:00Z",
                _ => name switch
                {
                    "contactNo" or "companyNo" or "contactCompanyNo" => world.Keys["person"],
                    "salespersonCode" => world.Keys["salespeople"],
                    "interactionTemplateCode" => world.Keys["interactionTemplates"],
                    "interactionGroupCode" => world.Keys["interactionGroups"],
                    "campaignNo" => world.Keys["campaigns"],
                    "segmentNo" => world.Keys["segments"],
                    "opportunityNo" => world.Keys["opportunities"],
                    "email" => $"fuzz{Guid.NewGuid():N}@test.local",
                    "password" or "newPassword" or "currentPassword" => "Fuzz-Pass-123!",
                    _ => "Fuzz",
                },
            };
        }

        private JsonObject? Resolve(JsonNode? schema)
        {
            for (var i = 0; i < 10 && schema?["$ref"] is { } reference; i++)
            {
                var name = ((string)reference!).Split('/').Last();
                schema = document["components"]?["schemas"]?[name];
            }
            if ((schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray choices)
            {
                return Resolve(choices.FirstOrDefault(s => (string?)s?["type"] != "null"));
            }
            return schema as JsonObject;
        }

        private static HashSet<string> Types(JsonObject? schema) => schema?["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).ToHashSet(),
            JsonValue one => [(string)one!],
            _ => [],
        };

        private static string Replace(JsonObject good, string name, string value)
        {
            var others = good.Where(p => p.Key != name).Select(p => JsonSerializer.Serialize(p.Key) + ":" + (p.Value?.ToJsonString() ?? "null"));
            return "{" + string.Join(',', others.Append(JsonSerializer.Serialize(name) + ":" + value)) + "}";
        }

        private static string Show(string value) => value.Length > 40 ? value[..40] + $"…({value.Length})" : value;

        private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
    }
}
