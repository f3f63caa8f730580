namespace Touchpoint.Core.Opportunities;

/// <summary>
/// The one sales cycle every opportunity follows (BC's default sales cycle, rule 68): its stages in order, each with
/// the chances of success an opportunity has when it reaches it. Stage 0 is "not started". Stage names are UI texts
/// (SalesCycleStage1…5) so that each user reads them in their language.
/// </summary>
public static class SalesCycle
{
    public sealed record Stage(int No, int ChancesOfSuccessPct);

    public static IReadOnlyList<Stage> Stages { get; } =
    [
        new(1, 10), // Initial contact
        new(2, 25), // Needs understood
        new(3, 50), // Proposal sent
        new(4, 75), // Negotiation
        new(5, 90), // Sign contract
    ];

    public static int ChancesOf(int stage) => stage <= 0 ? 0 : Stages[Math.Min(stage, Stages.Count) - 1].ChancesOfSuccessPct;
}
