using Touchpoint.Core.Documents;

namespace Touchpoint.Web.Components.Documents;

/// <summary>The choices of the Contact Cover Sheet request page, bound by its form.</summary>
public sealed class CoverSheetOptions
{
    public string? Remarks { get; set; }

    public CoverSheetMarks Marks { get; set; } = new();

    /// <summary>On by default, as in BC.</summary>
    public bool LogInteraction { get; set; } = true;
}

/// <summary>
/// The check marks in the order the request page and the sheet show them: caption key, test id, and how to read and set
/// each, so that the dialog and the sheet list them from one place.
/// </summary>
internal static class CoverSheetMarkFields
{
    public sealed record Mark(string Key, string TestId, Func<CoverSheetMarks, bool> Ticked, Func<CoverSheetMarks, bool, CoverSheetMarks> With);

    public static IReadOnlyList<Mark> All { get; } =
    [
        new("ForYourInformation", "cover-sheet-for-your-information", m => m.ForYourInformation, (m, v) => m with { ForYourInformation = v }),
        new("PleaseCall", "cover-sheet-please-call", m => m.PleaseCall, (m, v) => m with { PleaseCall = v }),
        new("PleaseReply", "cover-sheet-please-reply", m => m.PleaseReply, (m, v) => m with { PleaseReply = v }),
        new("AsRequested", "cover-sheet-as-requested", m => m.AsRequested, (m, v) => m with { AsRequested = v }),
        new("PleaseReview", "cover-sheet-please-review", m => m.PleaseReview, (m, v) => m with { PleaseReview = v }),
    ];
}
