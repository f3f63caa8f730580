namespace Touchpoint.Web.Common;

/// <summary>The four UI languages.</summary>
internal static class Localization
{
    public static readonly string[] Supported = ["en", "nl", "sv", "ru"];
}
