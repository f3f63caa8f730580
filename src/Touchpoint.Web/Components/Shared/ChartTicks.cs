namespace Touchpoint.Web.Components.Shared;

/// <summary>The y-axis of a bar chart of counts.</summary>
public static class ChartTicks
{
    private static readonly int[] Steps = [1, 2, 5, 10];

    /// <summary>
    /// About five grid lines at a round spacing (1, 2 or 5 times a power of ten): the chart's fixed default of 20
    /// leaves small counts as slivers at the bottom.
    /// </summary>
    public static int Spacing(IEnumerable<double> values)
    {
        var rough = values.DefaultIfEmpty(0).Max() / 5;
        if (rough <= 1)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var spacing = Steps.Select(f => f * power).First(s => s >= rough);
        return (int)Math.Min(spacing, int.MaxValue);
    }
}
