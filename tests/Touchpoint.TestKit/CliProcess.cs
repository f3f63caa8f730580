using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace Touchpoint.TestKit;

/// <summary>
/// The real <c>touchpoint</c> command (touchpoint.dll of the configuration the tests are built in, found by walking up
/// to Touchpoint.slnx), run as a process with the environment given, as an ERP's script or an operator would run it.
/// </summary>
public static class CliProcess
{
    public static string DllPath()
    {
        var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(here);
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx")))
        {
            dir = dir.Parent;
        }
        var dll = Path.Combine(dir?.FullName ?? "", "src", "Touchpoint.Cli", "bin", configuration, framework, "touchpoint.dll");
        Assert.True(File.Exists(dll), $"{dll} was not found: build the solution ({configuration}) first.");
        return dll;
    }

    /// <summary>Its exit code and everything it wrote (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
