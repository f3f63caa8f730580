using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using UglyToad.PdfPig.Writer;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Hard copies (correspondence type Hard Copy): merged Word letters as one PDF, ready to print, the letters in the
/// order given, each starting on a new page. LibreOffice does the layout. It is started once per call, never per
/// letter: the letters are bound into as few documents as they allow (<see cref="LetterBinder"/>) and one LibreOffice
/// run converts them all; their PDFs are then joined. At most <see cref="LibreOfficeOptions.MaxConcurrent"/> runs at
/// once, each with a profile of its own (a shared one is locked by the first user), each stopped with everything it
/// started when it takes longer than <see cref="LibreOfficeOptions.TimeoutSeconds"/> or the caller cancels.
/// One per process.
/// </summary>
public sealed class HardCopyPdf : IDisposable
{
    private static readonly string[] ProgramNames = ["soffice", "libreoffice"];

    private readonly LibreOfficeOptions options;
    private readonly SemaphoreSlim gate;
    private readonly ConcurrentBag<string> profiles = [];

    public HardCopyPdf(IOptions<LibreOfficeOptions> options)
    {
        WorkRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "touchpoint-pdf-" + Guid.NewGuid().ToString("N")[..12]);
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        gate = new SemaphoreSlim(this.options.MaxConcurrent, this.options.MaxConcurrent);
    }

    /// <summary>The folder this instance's conversions and LibreOffice profiles are in; removed on disposal.</summary>
    public string WorkRoot { get; }

    /// <summary>
    /// One PDF of the letters (.docx, as <see cref="WordLetter.Merge(MergeValues)"/> writes them), in order, each on
    /// new pages. Refuses (409) when LibreOffice is not installed; throws <see cref="TimeoutException"/> when
    /// LibreOffice takes too long (it is stopped), <see cref="InvalidOperationException"/> when it fails to convert a
    /// letter, and <see cref="InvalidDataException"/> or <see cref="System.Xml.XmlException"/> for bytes that are not
    /// a Word document. A caller that delivers letters in the background can treat the last three as the entry's
    /// delivery error; only a timeout is worth retrying.
    /// </summary>
    public async Task<byte[]> ToPdfAsync(IReadOnlyList<byte[]> docxLetters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(docxLetters);
        ArgumentOutOfRangeException.ThrowIfZero(docxLetters.Count);
        var program = FindSoffice() ?? throw DomainException.Conflict(Messages.Get("LibreOfficeNotInstalled"));
        var files = await Task.Run(() => LetterBinder.Bind(docxLetters, options.LettersPerFile), ct);
        await gate.WaitAsync(ct);
        var profile = profiles.TryTake(out var kept) ? kept : NewDirectory("profile");
        var work = NewDirectory("run");
        var profileUsable = false;
        try
        {
            var names = new List<string>(files.Count);
            for (var i = 0; i < files.Count; i++)
            {
                var name = i.ToString("D5", CultureInfo.InvariantCulture);
                await File.WriteAllBytesAsync(System.IO.Path.Combine(work, name + ".docx"), files[i].Docx, ct);
                names.Add(name);
            }
            await ConvertAsync(program, profile, work, names, ct);
            profileUsable = true;
            var pdfs = new List<byte[]>(names.Count);
            foreach (var name in names)
            {
                var pdf = System.IO.Path.Combine(work, name + ".pdf");
                if (!File.Exists(pdf))
                {
                    throw new InvalidOperationException($"LibreOffice made no PDF of document {name} of {names.Count}.");
                }
                pdfs.Add(await File.ReadAllBytesAsync(pdf, ct));
            }
            return pdfs.Count == 1 ? pdfs[0] : PdfMerger.Merge(pdfs);
        }
        finally
        {
            TryDelete(work);
            // A profile that a stopped or failed LibreOffice may have left locked or half-written is not used again.
            if (profileUsable)
            {
                profiles.Add(profile);
            }
            else
            {
                TryDelete(profile);
            }
            gate.Release();
        }
    }

    /// <summary>The soffice to run: as configured, else the first on the PATH; null when there is none.</summary>
    public string? FindSoffice()
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return File.Exists(options.Path) ? options.Path : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return ProgramNames
            .SelectMany(program => path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => System.IO.Path.Combine(dir, program)))
            .FirstOrDefault(File.Exists);
    }

    private async Task ConvertAsync(string program, string profile, string work, List<string> names, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--invisible",
                     "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in names)
        {
            start.ArgumentList.Add(name + ".docx");
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // soffice is a script that starts soffice.bin: stop the whole tree, or the converter goes on alone.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"LibreOffice did not finish converting {names.Count} document(s) within {options.TimeoutSeconds} s and was stopped.");
        }
        await Task.WhenAll(output, errors);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"LibreOffice failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }

    private string NewDirectory(string kind)
    {
        var path = System.IO.Path.Combine(WorkRoot, kind + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a stopped LibreOffice's last write) is left to the temp folder's cleaning.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        TryDelete(WorkRoot);
    }
}
