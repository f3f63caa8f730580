namespace Touchpoint.Web.Components.Segments;

/// <summary>The choices of the Log dialog (rule 42).</summary>
internal sealed class LogSegmentOptions
{
    public bool Send { get; set; }

    public bool CreateFollowUp { get; set; }
}
