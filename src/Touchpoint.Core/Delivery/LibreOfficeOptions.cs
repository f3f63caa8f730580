using Microsoft.Extensions.Options;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Configuration section <c>Touchpoint:LibreOffice</c>: the LibreOffice that turns hard-copy letters into PDF. Without
/// it the rest of Touchpoint works; only a hard copy is refused, saying LibreOffice is not installed.
/// </summary>
public sealed class LibreOfficeOptions
{
    public const string Section = "Touchpoint:LibreOffice";

    /// <summary><c>Path</c>: the <c>soffice</c> program; empty: <c>soffice</c> (else <c>libreoffice</c>) on the PATH.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// <c>TimeoutSeconds</c>: how long one conversion may take before LibreOffice is stopped. A thousand one-page
    /// letters take about ten seconds (benchmarks/README.md, section 12); the default leaves room for a loaded machine.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// <c>MaxConcurrent</c>: conversions at once. Each LibreOffice uses a core and a few hundred MB; more requests
    /// wait their turn.
    /// </summary>
    public int MaxConcurrent { get; set; } = 1;

    /// <summary>
    /// <c>LettersPerFile</c>: how many letters are bound into one document for LibreOffice; a larger batch is split
    /// into several documents, converted by the same LibreOffice run, and their PDFs joined. LibreOffice's time grows
    /// faster than the document: 1,000 one-page letters in one document took 7 s, 3,000 took 56 s, where three
    /// documents of 1,000 take about three times 7 s (benchmarks/README.md, section 12).
    /// </summary>
    public int LettersPerFile { get; set; } = 1000;
}

/// <summary>Refuses values no conversion could run with, naming the key; a Path that is given must exist.</summary>
public sealed class LibreOfficeOptionsValidator : IValidateOptions<LibreOfficeOptions>
{
    public ValidateOptionsResult Validate(string? name, LibreOfficeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Path) && !File.Exists(options.Path))
        {
            failures.Add($"{LibreOfficeOptions.Section}:{nameof(LibreOfficeOptions.Path)} is '{options.Path}'; no such file. Leave it empty to use soffice from the PATH.");
        }
        if (options.TimeoutSeconds is < 5 or > 3600)
        {
            failures.Add($"{LibreOfficeOptions.Section}:{nameof(LibreOfficeOptions.TimeoutSeconds)} is {options.TimeoutSeconds}; it must be from 5 to 3600.");
        }
        if (options.MaxConcurrent is < 1 or > 8)
        {
            failures.Add($"{LibreOfficeOptions.Section}:{nameof(LibreOfficeOptions.MaxConcurrent)} is {options.MaxConcurrent}; it must be from 1 to 8.");
        }
        if (options.LettersPerFile is < 1 or > 5000)
        {
            failures.Add($"{LibreOfficeOptions.Section}:{nameof(LibreOfficeOptions.LettersPerFile)} is {options.LettersPerFile}; it must be from 1 to 5000.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
