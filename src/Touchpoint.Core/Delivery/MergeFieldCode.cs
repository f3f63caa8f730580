using System.Globalization;
using System.Text;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// One MERGEFIELD's code as Word writes it, e.g. <c>MERGEFIELD ContactName \b "Dear " \f "," \* MERGEFORMAT</c>: the
/// field name (quoted or not), the text before (\b) and after (\f) a non-empty value, and a case switch
/// (\* Upper, Lower, FirstCap, Caps). \* MERGEFORMAT needs nothing: the value always keeps the result's formatting;
/// \* CHARFORMAT takes the formatting of the code's first character instead. Other switches (\m, \v, \@, \#) are
/// read past: the values come formatted already.
/// </summary>
internal sealed record MergeFieldCode(string Name, string Before, string After, MergeFieldCase Case, bool CharFormat)
{
    /// <summary>The field's code, or null when it is not a MERGEFIELD with a name.</summary>
    public static MergeFieldCode? Parse(string instruction)
    {
        var tokens = Tokens(instruction);
        if (tokens.Count < 2 || tokens[0].Quoted || !tokens[0].Text.Equals("MERGEFIELD", StringComparison.OrdinalIgnoreCase)
            || (!tokens[1].Quoted && tokens[1].Text.StartsWith('\\')) || tokens[1].Text.Trim().Length == 0)
        {
            return null;
        }
        string before = "", after = "";
        var textCase = MergeFieldCase.AsIs;
        var charFormat = false;
        for (var i = 2; i < tokens.Count; i++)
        {
            var (text, quoted) = tokens[i];
            if (quoted || !text.StartsWith('\\') || text.Length < 2)
            {
                continue;
            }
            // Word takes a switch's argument from the next word, or glued to it ("\*Upper").
            var glued = text.Length > 2 ? text[2..] : null;
            string Argument() => glued ?? (i + 1 < tokens.Count ? tokens[++i].Text : "");
            switch (char.ToLowerInvariant(text[1]))
            {
                case 'b':
                    before = Argument();
                    break;
                case 'f':
                    after = Argument();
                    break;
                case '*':
                    var format = Argument();
                    if (format.Equals("CHARFORMAT", StringComparison.OrdinalIgnoreCase))
                    {
                        charFormat = true;
                    }
                    else if (Enum.TryParse<MergeFieldCase>(format, ignoreCase: true, out var parsed) && parsed != MergeFieldCase.AsIs)
                    {
                        textCase = parsed;
                    }
                    break;
                case '@' or '#':
                    _ = Argument();
                    break;
            }
        }
        return new MergeFieldCode(tokens[1].Text.Trim(), before, after, textCase, charFormat);
    }

    /// <summary>The text the field shows for <paramref name="value"/>: nothing for no value, else cased and framed.</summary>
    public string Show(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }
        var culture = CultureInfo.InvariantCulture;
        value = Case switch
        {
            MergeFieldCase.Upper => value.ToUpper(culture),
            MergeFieldCase.Lower => value.ToLower(culture),
            MergeFieldCase.FirstCap => string.Concat(value[..1].ToUpper(culture), value.AsSpan(1)),
            MergeFieldCase.Caps => Caps(value, culture),
            _ => value,
        };
        return Before + value + After;
    }

    private static string Caps(string value, CultureInfo culture)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || char.IsWhiteSpace(chars[i - 1]))
            {
                chars[i] = char.ToUpper(chars[i], culture);
            }
        }
        return new string(chars);
    }

    /// <summary>Words of a field code: spaces separate, "…" quotes (with \" and \\ inside), as Word reads them.</summary>
    private static List<(string Text, bool Quoted)> Tokens(string instruction)
    {
        var tokens = new List<(string, bool)>();
        var i = 0;
        while (i < instruction.Length)
        {
            if (char.IsWhiteSpace(instruction[i]))
            {
                i++;
                continue;
            }
            var word = new StringBuilder();
            if (instruction[i] is '"' or '\u201C' or '\u201D')
            {
                for (i++; i < instruction.Length && instruction[i] is not ('"' or '\u201C' or '\u201D'); i++)
                {
                    if (instruction[i] == '\\' && i + 1 < instruction.Length && instruction[i + 1] is '"' or '\\')
                    {
                        i++;
                    }
                    word.Append(instruction[i]);
                }
                i++;
                tokens.Add((word.ToString(), true));
                continue;
            }
            for (; i < instruction.Length && !char.IsWhiteSpace(instruction[i]) && instruction[i] != '"'; i++)
            {
                word.Append(instruction[i]);
            }
            tokens.Add((word.ToString(), false));
        }
        return tokens;
    }
}

/// <summary>Word's case switches (\* Upper …) for a merge field's value.</summary>
internal enum MergeFieldCase
{
    AsIs,
    Upper,
    Lower,
    FirstCap,
    Caps,
}
