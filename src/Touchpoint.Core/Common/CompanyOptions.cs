using Microsoft.Extensions.Options;

namespace Touchpoint.Core.Common;

/// <summary>
/// Configuration section <c>Touchpoint:Company</c>: the business Touchpoint works for, as BC's Company Information
/// names it, printed as the sender on contact cover sheets. Touchpoint keeps no company record of its own. Every field
/// is optional; the lengths are those of BC's fields.
/// </summary>
public sealed class CompanyOptions
{
    public const string Section = "Touchpoint:Company";

    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? PostCode { get; set; }
    public string? City { get; set; }
    public string? CountryRegionCode { get; set; }

    internal static readonly (string Key, Func<CompanyOptions, string?> Value, int MaxLength)[] Fields =
    [
        (nameof(Name), o => o.Name, 100),
        (nameof(Address), o => o.Address, 100),
        (nameof(PostCode), o => o.PostCode, 20),
        (nameof(City), o => o.City, 30),
        (nameof(CountryRegionCode), o => o.CountryRegionCode, 10),
    ];
}

/// <summary>Refuses a value longer than its BC field, naming the key, rather than printing it cut off.</summary>
public sealed class CompanyOptionsValidator : IValidateOptions<CompanyOptions>
{
    public ValidateOptionsResult Validate(string? name, CompanyOptions options)
    {
        var failures = CompanyOptions.Fields
            .Select(f => (f.Key, f.MaxLength, Length: f.Value(options)?.Trim().Length ?? 0))
            .Where(f => f.Length > f.MaxLength)
            .Select(f => $"{CompanyOptions.Section}:{f.Key} is {f.Length} characters long; at most {f.MaxLength} are allowed.")
            .ToList();
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
