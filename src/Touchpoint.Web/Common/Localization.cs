namespace Touchpoint.Web.Common;

/// <summary>The four UI languages.</summary>
internal static class Localization
{
    public static readonly string[] Supported = ["en", "nl", "sv", "ru"];

    /// <summary>Each language in itself, as the pickers show it.</summary>
    public static readonly (string Code, string Name)[] Names =
        [("en", "English"), ("nl", "Nederlands"), ("sv", "Svenska"), ("ru", "Русский")];

    /// <summary>The picker's link: sets the language, then comes back to <paramref name="returnTo"/> (a local path).</summary>
    public static string SetCultureHref(string code, string returnTo) =>
        $"/culture/set?culture={code}&redirectUri={Uri.EscapeDataString(returnTo)}";
}
