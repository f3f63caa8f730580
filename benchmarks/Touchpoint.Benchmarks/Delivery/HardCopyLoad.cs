using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Delivery;
using UglyToad.PdfPig;

namespace Touchpoint.Benchmarks.Delivery;

/// <summary>
/// <c>hard-copies [count] [dir] [letters-per-file]</c>: the hard copies of a logged segment, end to end without a database: the
/// one-page <c>SampleLetter</c> merged for <c>count</c> different contacts (1,000 by default), then all of them made
/// into one PDF with LibreOffice (<see cref="HardCopyPdf"/>). Prints the merge time per letter, the time to bind the
/// letters into documents, the whole conversion, and the pages of the PDF. The bound documents are left in
/// <c>dir</c> (default /tmp/touchpoint-hard-copies) for timing LibreOffice alone from the shell.
/// </summary>
public static class HardCopyLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var dir = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "touchpoint-hard-copies");
        var options = new LibreOfficeOptions();
        if (args.Length > 3)
        {
            options.LettersPerFile = int.Parse(args[3], CultureInfo.InvariantCulture);
        }
        var benchmark = new WordLetterBenchmarks();
        benchmark.Setup();
        var letter = WordLetter.Open(benchmark.Docx, "letter.docx");

        var clock = Stopwatch.StartNew();
        var merged = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            merged.Add(letter.Merge(Values(i)));
        }
        var merge = clock.Elapsed;

        clock.Restart();
        var bound = LetterBinder.Bind(merged, options.LettersPerFile);
        var bind = clock.Elapsed;
        Directory.CreateDirectory(dir);
        for (var i = 0; i < bound.Count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, $"bound-{i:D3}.docx"), bound[i].Docx);
        }

        using var pdf = new HardCopyPdf(Options.Create(options));
        clock.Restart();
        var bytes = await pdf.ToPdfAsync(merged);
        var convert = clock.Elapsed;
        // Again, now with the LibreOffice profile that the first run made (as every call after a server's first).
        clock.Restart();
        bytes = await pdf.ToPdfAsync(merged);
        var warm = clock.Elapsed;
        await File.WriteAllBytesAsync(Path.Combine(dir, "letters.pdf"), bytes);
        using var document = PdfDocument.Open(bytes);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {count:N0} letters, {bound.Count} bound document(s), {document.NumberOfPages:N0} pages, {bytes.Length / 1024:N0} KB PDF
            merge:            {merge.TotalMilliseconds,8:N0} ms  ({merge.TotalMilliseconds * 1000 / count:N0} µs a letter)
            bind:             {bind.TotalMilliseconds,8:N0} ms  ({bind.TotalMilliseconds * 1000 / count:N0} µs a letter)
            ToPdfAsync, first: {convert.TotalMilliseconds,7:N0} ms  (bind, LibreOffice with a new profile, join; all but the bind: {(convert - bind).TotalMilliseconds:N0} ms)
            ToPdfAsync, again: {warm.TotalMilliseconds,7:N0} ms  (the profile kept; all but the bind: {(warm - bind).TotalMilliseconds:N0} ms)
            merge + ToPdfAsync: {(merge + warm).TotalMilliseconds,6:N0} ms
            bound documents and letters.pdf in {dir}
            """));
        return 0;
    }

    /// <summary>A different contact (and one of five salespeople) for each letter.</summary>
    private static MergeValues Values(int i) => new(new Dictionary<string, string?>
    {
        [MergeValues.ContactName] = $"Contact {i + 1:D4} Jansen",
        [MergeValues.ContactAddress] = $"Main Street {i + 1}",
        [MergeValues.ContactPostCode] = $"{3500 + i % 400} AB",
        [MergeValues.ContactCity] = "Utrecht",
        [MergeValues.Date] = "3 december 2026",
        [MergeValues.Subject] = "Our offer",
        [MergeValues.SalespersonName] = $"Salesperson {i % 5}",
        [MergeValues.SalespersonEmail] = $"sales{i % 5}@cronus.example",
        [MergeValues.CompanyName] = "Cronus",
        [MergeValues.CompanyAddress] = "5 The Ring",
        [MergeValues.CompanyPostCode] = "W2 8HG",
        [MergeValues.CompanyCity] = "London",
    });
}
