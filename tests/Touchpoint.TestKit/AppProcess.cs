using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Touchpoint.TestKit;

/// <summary>
/// The built web app (Touchpoint.Web.dll of the configuration the tests are built in) run as a process of its own, not
/// inside the test host, so that a test can kill it part-way through some work (SIGKILL) and start it again on the same
/// database. It listens on a free port of 127.0.0.1 (read from its "Now listening on" line), logs to standard output
/// (simple console format, one line per message, no colours), runs in Production with the configured admin
/// <see cref="TouchpointApp.AdminEmail"/> and no demo data. Disposing it kills it if it still runs.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly Lock _lock = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>Where it answers, once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>All the app has written to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Touchpoint.Web.dll: TOUCHPOINT_WEB_DLL when set; else the web project's own output for the test assembly's
    /// configuration and target framework (src/Touchpoint.Web/bin/&lt;configuration&gt;/&lt;tfm&gt;, found by walking up to
    /// Touchpoint.slnx); else the copy the project reference puts beside the test assembly.
    /// </summary>
    public static string WebAppPath()
    {
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_WEB_DLL") is { Length: > 0 } configured)
        {
            return configured;
        }
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(here);
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx")))
            {
                var own = Path.Combine(dir.FullName, "src", "Touchpoint.Web", "bin", configuration, framework, "Touchpoint.Web.dll");
                if (File.Exists(own))
                {
                    return own;
                }
                break;
            }
        }
        var beside = Path.Combine(here, "Touchpoint.Web.dll");
        return File.Exists(beside) && File.Exists(Path.Combine(here, "Touchpoint.Web.runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException($"Touchpoint.Web.dll ({configuration}, {framework}) was not found; build the solution first or set TOUCHPOINT_WEB_DLL.");
    }

    /// <summary>
    /// Starts the app on that database and waits until GET /health answers 200 (migrations done). It runs in its own
    /// folder unless <paramref name="workingDirectory"/> names another.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string provider, string connectionString, string dataFolder, TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        var dll = WebAppPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env.Remove("DOTNET_ENVIRONMENT");
        env["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        env["Touchpoint__Database__Provider"] = provider;
        env["ConnectionStrings__Touchpoint"] = connectionString;
        env["Touchpoint__DataFolder"] = dataFolder;
        env["Touchpoint__Admin__Email"] = TouchpointApp.AdminEmail;
        env["Touchpoint__Admin__Password"] = TouchpointApp.AdminPassword;
        env["Touchpoint__SeedDemoData"] = "false";
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__Console__FormatterOptions__SingleLine"] = "true";
        env["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        app._process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            var limit = timeout ?? TimeSpan.FromSeconds(60);
            var listening = await app.WaitForOutputAsync("Now listening on:", limit);
            app.BaseAddress = new Uri(ListeningOn().Match(listening).Groups[1].Value);
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    if (health.IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                }
                if (app.HasExited || watch.Elapsed > limit)
                {
                    throw new InvalidOperationException($"The app did not answer /health with 200. Its output:\n{app.Output}");
                }
                await Task.Delay(50);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The first line (since start) that contains <paramref name="text"/>; fails when the app exits or the time is up
    /// first, with the app's output.
    /// </summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        TaskCompletionSource<string> seen;
        lock (_lock)
        {
            var found = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }
            seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
        }
        using var cts = new CancellationTokenSource();
        var exited = _process.WaitForExitAsync(cts.Token);
        await Task.WhenAny(seen.Task, exited, Task.Delay(timeout, cts.Token));
        await cts.CancelAsync();
        if (seen.Task.IsCompleted)
        {
            return await seen.Task;
        }
        throw new TimeoutException(_process.HasExited
            ? $"The app exited (code {_process.ExitCode}) before writing \"{text}\". Its output:\n{Output}"
            : $"The app did not write \"{text}\" within {timeout.TotalSeconds:N0} s. Its output:\n{Output}");
    }

    /// <summary>An HTTP client signed in as the configured admin (bearer token).</summary>
    public async Task<HttpClient> SignInAsync(TimeSpan? requestTimeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = requestTimeout ?? TimeSpan.FromSeconds(100) };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TouchpointApp.AdminEmail, password = TouchpointApp.AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: no shutdown code runs. Waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started, or is gone already.
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _output.Append(line).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waiters[i].Text, StringComparison.Ordinal))
                {
                    _waiters[i].Seen.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
