using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Touchpoint.Persistence.Identity;
using Touchpoint.Web.Common;
using Touchpoint.Web.Users;

namespace Touchpoint.Web.Account;

/// <summary>The signed-in user's own account (docs/api.md, "Own account"): change the password, sign out.</summary>
internal static class OwnAccountApi
{
    public static void MapOwnAccount(this RouteGroupBuilder api)
    {
        // A group of its own: the sign-in endpoints' group allows anonymous callers, these need a signed-in user.
        var account = api.MapGroup("/auth").WithTags("Authentication");

        account.MapPost("/changePassword", async (HttpRequest request, ClaimsPrincipal principal, UserAdministration admin,
            SignInManager<TouchpointUser> signIn, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("currentPassword", "newPassword");
            var current = body.Value<string?>("currentPassword");
            var next = body.Value<string?>("newPassword");
            body.ThrowIfErrors();
            var user = await admin.ChangePasswordAsync(UserId(signIn, principal), current, next, ct);
            // Every session of the user has ended with the new security stamp; the caller gets new tokens to go on.
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signIn.SignInAsync(user, isPersistent: false);
            return TypedResults.Empty;
        }).AcceptsJson<ChangePasswordRequest>()
            .WithSummary("Change your own password; ends every session of yours and returns new tokens for this one");

        account.MapPost("/logout", async (ClaimsPrincipal principal, UserAdministration admin, SignInManager<TouchpointUser> signIn) =>
        {
            await admin.EndSessionsAsync(UserId(signIn, principal));
            return TypedResults.NoContent();
        }).WithSummary("Sign out: this token, its refresh token and every other session of yours are refused from now on");
    }

    private static string UserId(SignInManager<TouchpointUser> signIn, ClaimsPrincipal principal) =>
        signIn.UserManager.GetUserId(principal) ?? throw new InvalidOperationException("A signed-in caller has a user id.");

    /// <summary>Body of POST /auth/changePassword.</summary>
    internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
}
