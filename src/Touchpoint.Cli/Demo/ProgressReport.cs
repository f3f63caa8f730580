using System.Diagnostics;
using System.Globalization;

namespace Touchpoint.Cli.Demo;

/// <summary>
/// Progress of a bulk write on one line (rewritten in a terminal, one line per step when redirected) and the rate; it
/// counts the rows as the writer takes them from the stream, so it holds none of them.
/// </summary>
internal sealed class ProgressReport(TextWriter output, long total, string what)
{
    private readonly Stopwatch _stopwatch = new();
    private long _lastReport;
    private long _written;

    public TimeSpan Elapsed => _stopwatch.Elapsed;

    public long Written => _written;

    public double Rate => _written / Math.Max(_stopwatch.Elapsed.TotalSeconds, 1e-9);

    public IEnumerable<T> Track<T>(IEnumerable<T> rows)
    {
        _stopwatch.Start();
        var step = Math.Max(total / 10, 1);
        foreach (var row in rows)
        {
            yield return row;
            _written++;
            if (_written % step == 0 || Stopwatch.GetElapsedTime(_lastReport).TotalSeconds >= 1)
            {
                _lastReport = Stopwatch.GetTimestamp();
                Report(final: false);
            }
        }
    }

    public void Done()
    {
        _stopwatch.Stop();
        Report(final: true);
    }

    private void Report(bool final)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {_written,12:N0} / {total:N0} {what} ({100.0 * _written / Math.Max(total, 1),5:F1} %), {Rate,10:N0} rows/s");
        if (Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out))
        {
            if (!final)
            {
                output.WriteLine(line);
            }
            return;
        }
        output.Write(final ? $"\r{line}\n" : $"\r{line}");
    }
}
