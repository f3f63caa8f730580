using Microsoft.AspNetCore.Identity;

namespace Touchpoint.Persistence.Identity;

/// <summary>A person who signs in. The salesperson code links the user to BC's Salesperson/Purchaser (User Setup).</summary>
public sealed class TouchpointUser : IdentityUser
{
    public string? SalespersonCode { get; set; }

    /// <summary>The UI language the user chose last (en, nl, sv, ru).</summary>
    public string? UiCulture { get; set; }
}
