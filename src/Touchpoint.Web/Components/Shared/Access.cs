using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// Whether the signed-in user may change master data: the same policy the API's write endpoints require, so a viewer
/// sees read-only cards without Save, Delete or New.
/// </summary>
public static class Access
{
    public static async Task<bool> CanWriteAsync(this IAuthorizationService authorization, Task<AuthenticationState>? state)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (state is null)
        {
            return false;
        }
        var user = (await state).User;
        return (await authorization.AuthorizeAsync(user, Roles.WritePolicy)).Succeeded;
    }

    /// <summary>
    /// Whether the signed-in user may change setup (interaction groups, templates, the template setup): admins only,
    /// as the API's setup endpoints; other roles see those pages read-only.
    /// </summary>
    public static async Task<bool> CanAdministerAsync(this IAuthorizationService authorization, Task<AuthenticationState>? state)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (state is null)
        {
            return false;
        }
        var user = (await state).User;
        return (await authorization.AuthorizeAsync(user, Roles.AdminPolicy)).Succeeded;
    }

    /// <summary>The signed-in user's name, as the API's use cases record it (entries' User ID, the audit trail).</summary>
    public static async Task<string> UserIdAsync(this Task<AuthenticationState>? state) =>
        state is null ? "" : (await state).User.Identity?.Name ?? "";
}
