using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Touchpoint.Benchmarks.Segments;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;
using Touchpoint.TestKit;

namespace Touchpoint.Benchmarks.Delivery;

/// <summary>
/// <c>deliver-segment APP_DIR CITY LINES WORK [crash]</c>: logs a segment of the LINES contacts of CITY (each with an
/// e-mail address) with "Send", as e-mail with a one-page Word letter merged for each contact, and times it until the
/// last message has arrived at a real SMTP server on 127.0.0.1 (the test kit's, which keeps what arrives). Meanwhile
/// the interaction log's first page is read over and over (its latency: median and P95), and the app's memory sampled
/// (peak RSS). The app is started here from APP_DIR (its Release output; the database from the environment:
/// Touchpoint__Database__Provider, ConnectionStrings__Touchpoint), so that with <c>crash</c> it can be killed (SIGKILL)
/// when a third of the messages have arrived and started again; then the messages that arrived twice are counted by
/// Message-ID. Prints a <c>RESULT</c> line.
/// </summary>
public static class DeliverSegmentLoad
{
    private const string Email = "bench@touchpoint.local";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["bare-smtp", var countText, ..])
        {
            return await BareSmtpAsync(int.Parse(countText, CultureInfo.InvariantCulture));
        }
        if (args is not ["deliver-segment", var appDir, var city, var linesText, var work, .. var rest])
        {
            await Console.Error.WriteLineAsync("usage: deliver-segment APP_DIR CITY LINES WORK [crash]");
            return 2;
        }
        var lines = int.Parse(linesText, CultureInfo.InvariantCulture);
        var crash = rest is ["crash", ..];
        await using var smtp = TestSmtpServer.Start();
        var password = $"Bench-{Environment.TickCount64}-Pw!";
        var app = new AppProcess(appDir, work, smtp.Port, password, crash);
        try
        {
            await app.StartAsync();
            using var http = await SignedInAsync(app.BaseUrl, password);
            var (segmentNo, template) = await SegmentAsync(http, city, lines);
            Console.WriteLine($"Segment {segmentNo}: {lines:N0} lines, template {template} with a Word letter, e-mail; app process {app.Pid}");

            var latencies = new List<double>();
            using var stop = new CancellationTokenSource();
            var peakKb = 0L;
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
                while (await timer.WaitForNextTickAsync(stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
                {
                    try
                    {
                        peakKb = Math.Max(peakKb, LogSegmentLoad.StatusKb(app.Pid, "VmRSS"));
                    }
                    catch (Exception e) when (e is IOException or InvalidOperationException)
                    {
                        // The app was killed (a zombie has no VmRSS) and is starting again.
                    }
                }
            });
            var probe = Task.Run(() => ProbeFirstPageAsync(app, password, latencies, stop.Token));

            var started = Stopwatch.GetTimestamp();
            var logged = await LogSegmentLoad.JsonAsync(await http.PostAsJsonAsync($"/api/v1/segments/{segmentNo}/log", new { send = true }), HttpStatusCode.OK);
            var logMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Console.WriteLine($"Logged in {logMs:F0} ms: logged segment {logged.GetProperty("loggedSegmentEntryNo").GetInt64()}");
            var killedAt = 0;
            if (crash)
            {
                await WaitForAsync(smtp, lines / 3, TimeSpan.FromMinutes(10));
                killedAt = smtp.Messages.Count;
                app.Kill();
                Console.WriteLine($"Killed the app (SIGKILL) after {killedAt:N0} messages had arrived, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s in; starting it again");
                await app.StartAsync();
            }
            // Quiet for longer than a claim (15 s with crash): the killed instance's batch comes only after it.
            var unique = await WaitForUniqueAsync(smtp, lines, TimeSpan.FromSeconds(crash ? 40 : 20));
            var allMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - (unique < lines ? (crash ? 40_000 : 20_000) : 0);
            // Late copies of the killed instance's batch may still come: wait a little before counting.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await sampler;
            await probe;
            var received = smtp.Messages.Count;
            unique = smtp.Messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count();
            latencies.Sort();
            var p95 = latencies.Count == 0 ? 0 : latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1];
            var median = latencies.Count == 0 ? 0 : LogSegmentLoad.Median(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{unique:N0} of {lines:N0} delivered in {allMs / 1000:F1} s ({unique / (allMs / 1000):F0}/s), {received - unique:N0} arrived twice; " +
                $"log first page while delivering: {latencies.Count:N0} reads, median {median:F1} ms, P95 {p95:F1} ms; peak RSS {peakKb / 1024.0:F0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT lines={lines} log_ms={logMs:F0} all_ms={allMs:F0} unique={unique} duplicates={received - unique} killed_after={killedAt} " +
                $"page_reads={latencies.Count} page_median_ms={median:F1} page_p95_ms={p95:F1} peak_rss_mib={peakKb / 1024.0:F0}"));
            return unique == lines ? 0 : 1;
        }
        finally
        {
            app.Kill();
        }
    }

    /// <summary>
    /// <c>bare-smtp N</c>: the bare tool's figure: N messages of the shape the app sends (an HTML body of a one-page
    /// letter) sent with MailKit over one connection to the same SMTP server, without Touchpoint.
    /// </summary>
    private static async Task<int> BareSmtpAsync(int count)
    {
        await using var server = TestSmtpServer.Start();
        var port = int.TryParse(Environment.GetEnvironmentVariable("SMTP_PORT"), CultureInfo.InvariantCulture, out var other) ? other : server.Port;
        var html = WordHtml.FromDocx(SampleLetter.Build(new SampleLetterTexts("Dear customer,",
            ["Thank you for your interest in our spring range. Your salesperson will call you next week to arrange a visit."], "Kind regards,")));
        using var client = new MailKit.Net.Smtp.SmtpClient();
        var started = Stopwatch.GetTimestamp();
        if (Environment.GetEnvironmentVariable("NODELAY") == "1")
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
        }
        else
        {
            await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
        }
        for (var i = 0; i < count; i++)
        {
            var message = new MimeKit.MimeMessage();
            message.From.Add(new MimeKit.MailboxAddress("Touchpoint", TestSmtpServer.From));
            message.To.Add(new MimeKit.MailboxAddress($"Person {i}", $"person{i}@mailbury.example"));
            message.Subject = "Delivery benchmark";
            message.Body = new MimeKit.TextPart("html") { Text = html };
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(true);
        if (port == server.Port)
        {
            await server.WaitForAsync(count, TimeSpan.FromMinutes(10));
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bare MailKit: {count:N0} messages in {seconds:F1} s ({count / seconds:F0}/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT bare_messages={count} bare_ms={seconds * 1000:F0}"));
        return 0;
    }

    private static async Task<HttpClient> SignedInAsync(Uri baseUrl, string password)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        var login = await LogSegmentLoad.JsonAsync(await http.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>A template of its own with a Word letter for ENU, and a segment of the city's contacts that sends it by e-mail.</summary>
    private static async Task<(string SegmentNo, string Template)> SegmentAsync(HttpClient http, string city, int lines)
    {
        const string template = "BENCHMAIL";
        var salesperson = (await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/salespeople?limit=1")).GetProperty("value")[0]
            .GetProperty("code").GetString()!;
        await LogSegmentLoad.JsonAsync(await http.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = "LETTER", description = "Delivery benchmark", languageCodeDefault = "ENU",
            correspondenceTypeDefault = "email", ignoreContactCorresType = true,
        }), HttpStatusCode.Created);
        var letter = SampleLetter.Build(new SampleLetterTexts("Dear customer,",
            ["Thank you for your interest in our spring range. Your salesperson will call you next week to arrange a visit."],
            "Kind regards,"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(letter);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", "letter.docx");
        await LogSegmentLoad.JsonAsync(await http.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment", form), HttpStatusCode.OK);
        var no = (await LogSegmentLoad.JsonAsync(await http.PostAsJsonAsync("/api/v1/segments", new
        {
            description = "Delivery benchmark", interactionTemplateCode = template, salespersonCode = salesperson,
        }), HttpStatusCode.Created)).GetProperty("no").GetString()!;
        var added = (await LogSegmentLoad.JsonAsync(await http.PostAsJsonAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city } }), HttpStatusCode.OK))
            .GetProperty("added").GetInt32();
        return added == lines ? (no, template) : throw new InvalidOperationException($"addContacts added {added:N0} lines, not {lines:N0}");
    }

    /// <summary>Reads the log's first page again and again, as a user looking at it would, timing each read.</summary>
    private static async Task ProbeFirstPageAsync(AppProcess app, string password, List<double> latencies, CancellationToken ct)
    {
        HttpClient? http = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                http ??= await SignedInAsync(app.BaseUrl, password);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/api/v1/interactionLogEntries?limit=50", ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException)
            {
                // The app is down (killed, restarting): sign in again when it is back.
                http?.Dispose();
                http = null;
                await Task.Delay(200, CancellationToken.None);
            }
        }
        http?.Dispose();
    }

    private static async Task WaitForAsync(TestSmtpServer smtp, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (smtp.Messages.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{smtp.Messages.Count:N0} of {count:N0} messages arrived in {timeout}.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Until every message has arrived, or none has for <paramref name="quiet"/> (the server refused some: they are
    /// the entries' errors, counted as missing, not waited for).
    /// </summary>
    private static async Task<int> WaitForUniqueAsync(TestSmtpServer smtp, int count, TimeSpan quiet)
    {
        var last = (Count: -1, At: DateTime.UtcNow);
        while (true)
        {
            var unique = smtp.Messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count();
            if (unique >= count)
            {
                return unique;
            }
            if (unique != last.Count)
            {
                last = (unique, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - last.At > quiet)
            {
                await Console.Error.WriteLineAsync($"{unique:N0} of {count:N0} messages arrived; none for {quiet.TotalSeconds:F0} s.");
                return unique;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The app as a process of its own, delivering to the SMTP server on <c>smtpPort</c>.</summary>
    private sealed class AppProcess(string appDir, string work, int smtpPort, string password, bool shortClaims)
    {
        private Process? _process;

        public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:1");

        public int Pid => _process?.Id ?? 0;

        public async Task StartAsync()
        {
            var port = FreePort();
            BaseUrl = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet", "Touchpoint.Web.dll")
            {
                WorkingDirectory = appDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = BaseUrl.ToString();
            start.Environment["Touchpoint__DataFolder"] = Path.Combine(work, "data");
            start.Environment["Touchpoint__Admin__Email"] = Email;
            start.Environment["Touchpoint__Admin__Password"] = password;
            start.Environment["Touchpoint__Smtp__Host"] = "127.0.0.1";
            start.Environment["Touchpoint__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
            start.Environment["Touchpoint__Smtp__Security"] = "none";
            start.Environment["Touchpoint__Smtp__From"] = TestSmtpServer.From;
            // After the kill, the killed instance's batch waits for its claim to run out: 15 s instead of 10 minutes.
            if (shortClaims)
            {
                start.Environment["Touchpoint__Smtp__ClaimTimeout"] = "00:00:15";
            }
            _process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
            var log = File.AppendText(Path.Combine(work, "app.log"));
            log.AutoFlush = true;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = BaseUrl };
            var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with {_process.ExitCode}; see {Path.Combine(work, "app.log")}");
                }
                try
                {
                    using var health = await http.GetAsync("/health");
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                if (DateTime.UtcNow > until)
                {
                    throw new TimeoutException("The app did not answer /health within 2 minutes.");
                }
                await Task.Delay(100);
            }
        }

        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                // SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would stop it.
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
