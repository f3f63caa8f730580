namespace Touchpoint.Core.Common;

/// <summary>BC Code fields: trimmed and upper-cased on input; blank means none.</summary>
public static class Codes
{
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        return code.Trim().ToUpperInvariant();
    }
}
