namespace Touchpoint.Core.Interactions;

/// <summary>
/// What a template picker offers for the text typed: the templates whose code or description contain it, best match
/// first (code equal, code starting with it, description starting with it, a word of the description starting with
/// it, then anywhere), kept together by interaction group in the order of each group's best match. Enter picks the
/// first, so "outgo" is OUTGOING and "INC" is INCOME, never the template that merely comes first in the list.
/// </summary>
public static class InteractionTemplateSearch
{
    public static IReadOnlyList<InteractionTemplateDto> Find(IEnumerable<InteractionTemplateDto> templates, string? text)
    {
        var typed = text?.Trim() ?? "";
        var ranked = templates
            .Select(t => (Template: t, Rank: typed.Length == 0 ? 0 : Rank(t, typed)))
            .Where(r => r.Rank < NoMatch)
            .ToList();
        var groupRank = ranked.GroupBy(r => r.Template.InteractionGroupCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Rank), StringComparer.Ordinal);
        return ranked
            .OrderBy(r => groupRank[r.Template.InteractionGroupCode])
            .ThenBy(r => r.Template.InteractionGroupCode, StringComparer.Ordinal)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.Template.Code, StringComparer.Ordinal)
            .Select(r => r.Template)
            .ToList();
    }

    private const int NoMatch = 6;

    private static int Rank(InteractionTemplateDto template, string typed)
    {
        const StringComparison Ignore = StringComparison.OrdinalIgnoreCase;
        if (template.Code.Equals(typed, Ignore))
        {
            return 0;
        }
        if (template.Code.StartsWith(typed, Ignore))
        {
            return 1;
        }
        if (template.Description.StartsWith(typed, Ignore))
        {
            return 2;
        }
        if (template.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(typed, Ignore)))
        {
            return 3;
        }
        if (template.Code.Contains(typed, Ignore))
        {
            return 4;
        }
        return template.Description.Contains(typed, Ignore) ? 5 : NoMatch;
    }
}
