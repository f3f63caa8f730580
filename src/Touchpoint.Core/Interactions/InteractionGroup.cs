namespace Touchpoint.Core.Interactions;

/// <summary>BC table 5063 Interaction Group: groups templates (Letters, Meetings, …) for statistics.</summary>
public sealed class InteractionGroup
{
    public const int CodeLength = 10;
    public const int DescriptionLength = 100;

    private InteractionGroup()
    {
    }

    public InteractionGroup(string code, string description)
    {
        Code = code;
        Description = description;
    }

    public string Code { get; private set; } = "";
    public string Description { get; private set; } = "";
}
