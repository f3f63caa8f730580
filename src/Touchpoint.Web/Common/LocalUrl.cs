namespace Touchpoint.Web.Common;

/// <summary>Where the app may send a browser back to after signing in or choosing a language: its own pages only.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// A path on this site: starts with one '/', not "//" or "/\" (both mean another host to a browser), and no
    /// control characters (browsers drop tabs and line breaks, so "/\t/evil.example" would become "//evil.example").
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The URL when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
