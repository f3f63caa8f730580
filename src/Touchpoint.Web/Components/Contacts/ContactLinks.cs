namespace Touchpoint.Web.Components.Contacts;

/// <summary>A contact's phone numbers and e-mail address as links the device dials or writes to.</summary>
public static class ContactLinks
{
    /// <summary>tel: with the digits and a leading plus: spaces, dashes, dots and brackets are there for reading only.</summary>
    public static string? Tel(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var trimmed = number.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : $"tel:{(trimmed.StartsWith('+') ? "+" : "")}{digits}";
    }

    /// <summary>mailto: with the address as stored; the characters a URL gives a meaning of its own (?, #, %, &amp;, space) escaped.</summary>
    public static string? Mailto(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var escaped = string.Concat(email.Trim().Select(c => c is '?' or '#' or '%' or '&' or ' ' ? Uri.EscapeDataString(c.ToString()) : c.ToString()));
        return $"mailto:{escaped}";
    }
}
