using BenchmarkDotNet.Attributes;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Demo;

namespace Touchpoint.Benchmarks.Delivery;

/// <summary>
/// Merging a one-page Word letter (<see cref="SampleLetter"/>: header, footer, 12 merge fields, 4 body paragraphs) for
/// one contact, as delivery does for every entry of a logged segment: from a letter parsed once and kept, and, for
/// comparison, the parse itself. No database. One call is far below a millisecond, so each measured iteration makes
/// 200 calls and the figures are per call.
/// </summary>
[WarmupCount(3)]
[IterationCount(20)]
[InvocationCount(200)]
public class WordLetterBenchmarks
{
    private byte[] _docx = [];

    /// <summary>The sample letter, unmerged (after <see cref="Setup"/>).</summary>
    public byte[] Docx => _docx;
    private WordLetter _letter = null!;
    private MergeValues _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        _docx = SampleLetter.Build(new SampleLetterTexts("Dear",
        [
            "Thank you for your visit to our showroom last week and for your interest in our new range of office furniture.",
            "As promised, we enclose our offer for the desks and chairs we discussed, with the delivery times and the terms of our service contract.",
            "Our offer is valid for thirty days. We would be glad to show you the furniture in your own office; just let us know which day suits you.",
            "We look forward to hearing from you.",
        ], "Kind regards,"));
        _letter = WordLetter.Open(_docx, "letter.docx");
        _values = new MergeValues(new Dictionary<string, string?>
        {
            [MergeValues.ContactName] = "Ann de Vries", [MergeValues.ContactAddress] = "Main Street 1\nBuilding B",
            [MergeValues.ContactPostCode] = "3511 AB", [MergeValues.ContactCity] = "Utrecht", [MergeValues.Date] = "3 december 2026",
            [MergeValues.Subject] = "Our offer", [MergeValues.SalespersonName] = "Bob Jones", [MergeValues.SalespersonEmail] = "bob@cronus.example",
            [MergeValues.CompanyName] = "Cronus", [MergeValues.CompanyAddress] = "5 The Ring", [MergeValues.CompanyPostCode] = "W2 8HG",
            [MergeValues.CompanyCity] = "London",
        });
    }

    /// <summary>
    /// <c>merge-letters [count]</c>: the letter merged <paramref name="count"/> times in a row (10,000 by default), as
    /// delivery does for a logged segment with one letter, parse included; prints the total and the rate.
    /// </summary>
    public static void MergeMany(int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var benchmark = new WordLetterBenchmarks();
        benchmark.Setup();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            bytes += benchmark.Merge().Length;
        }
        clock.Stop();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{count:N0} letters merged in {clock.Elapsed.TotalMilliseconds:N0} ms ({count / clock.Elapsed.TotalSeconds:N0}/s, {bytes / count:N0} bytes each)."));
    }

    [Benchmark(Description = "merge a one-page letter (parsed once)")]
    public byte[] Merge() => _letter.Merge(_values);

    [Benchmark(Description = "open and parse the letter (once per attachment)")]
    public WordLetter Open() => WordLetter.Open(_docx, "letter.docx");
}
