using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>
/// Checks every bearer token against the user table, as the security stamp validator does for cookies: a token whose
/// user is unknown, disabled, or whose security stamp has changed since (roles, password, sign-out) is refused with
/// 401. Identity's bearer handler alone trusts any token that decrypts. The scheme name is matched without regard to
/// case ("bearer" is the same scheme, RFC 9110 section 11.1). The pages' cookie gets the same check.
/// </summary>
internal static class BearerTokenValidation
{
    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[scheme.Length..].Trim());
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            context.Fail("The bearer token is not valid or has expired.");
            return;
        }
        if (!await IsCurrentAsync(context.HttpContext, ticket.Principal))
        {
            context.Fail("The bearer token's user is unknown or disabled, or has signed out or changed since.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>The same check for the pages' cookie: refused (and removed) when its user's stamp is no longer current.</summary>
    public static async Task OnValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !await IsCurrentAsync(context.HttpContext, context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static Task<bool> IsCurrentAsync(HttpContext context, System.Security.Claims.ClaimsPrincipal principal) =>
        context.RequestServices.GetRequiredService<SecurityStampCheck>().IsCurrentAsync(principal, context.RequestServices);
}
