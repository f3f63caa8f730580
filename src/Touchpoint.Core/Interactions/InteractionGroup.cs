using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed record InteractionGroupDto(string Code, string Description);

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

    public static InteractionGroup Create(string? code, Optional<string?> description, FieldErrors errors)
    {
        var group = new InteractionGroup
        {
            Code = errors.MaxLength("code", errors.Required("code", Codes.Normalize(code)), CodeLength) ?? "",
        };
        group.Apply(description, errors);
        return group;
    }

    public void Apply(Optional<string?> description, FieldErrors errors)
    {
        if (description.IsSet)
        {
            Description = errors.MaxLength("description", description.Value?.Trim(), DescriptionLength) ?? "";
        }
    }

    public InteractionGroupDto ToDto() => new(Code, Description);
}
