using System.Globalization;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.NoSeries;

/// <summary>
/// A number series (BC "No. Series" with its single line): the next number is the prefix followed by the counter,
/// zero-padded to the width. Prefixes are set up per series (Setup → Number Series).
/// </summary>
public sealed class NoSeriesLine
{
    public const string Contacts = "CONTACT";
    public const string Campaigns = "CAMPAIGN";
    public const string Opportunities = "OPP";
    public const string Segments = "SEGMENT";

    public const int PrefixLength = 10;

    private NoSeriesLine()
    {
    }

    public NoSeriesLine(string code, string description, string prefix, int width)
    {
        Code = code;
        Description = description;
        Prefix = prefix;
        Width = width;
    }

    public string Code { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public int Width { get; private set; }
    public int LastNoUsed { get; private set; }

    public string Format(int number) =>
        Prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');

    public void Change(string? prefix, int? width, FieldErrors errors)
    {
        var p = errors.MaxLength("prefix", Codes.Normalize(prefix) ?? "", PrefixLength) ?? "";
        if (width is < 1 or > 10)
        {
            errors.Add("width", Messages.Get("NoSeriesWidthOutOfRange"));
        }
        if (p.Length + (width ?? Width) > 20)
        {
            errors.Add("prefix", Messages.Get("NoSeriesTooLong"));
        }
        errors.ThrowIfAny();
        Prefix = p;
        Width = width ?? Width;
    }
}
