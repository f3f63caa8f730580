namespace Touchpoint.Web.Components.Shared;

/// <summary>One choice of a lookup field: the code or no. that is stored and the name that helps to pick it.</summary>
public sealed record Lookup(string No, string Name)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? No : $"{No} · {Name}";
}
