namespace Touchpoint.Core.Common;

/// <summary>The three roles (docs/api.md). Policies are named after what they allow.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Sales, Viewer];

    /// <summary>Policy: may read (any role).</summary>
    public const string ReadPolicy = "read";

    /// <summary>Policy: may change contacts, interactions, segments (admin, sales).</summary>
    public const string WritePolicy = "write";

    /// <summary>Policy: setup, templates, users (admin).</summary>
    public const string AdminPolicy = "admin";
}
