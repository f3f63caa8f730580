using Microsoft.AspNetCore.Identity;

namespace Touchpoint.Persistence.Identity;

/// <summary>A person who signs in. The salesperson code links the user to BC's Salesperson/Purchaser (User Setup).</summary>
public sealed class TouchpointUser : IdentityUser
{
    public string? SalespersonCode { get; set; }

    /// <summary>The UI language the user chose last (en, nl, sv, ru).</summary>
    public string? UiCulture { get; set; }

    /// <summary>
    /// Set by an admin instead of deleting a user who has history (entries keep their user id): the user can no longer
    /// sign in, and every token and cookie of theirs is refused from the next request on.
    /// </summary>
    public bool Disabled { get; set; }
}
