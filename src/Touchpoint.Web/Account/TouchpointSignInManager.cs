using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>
/// Identity's sign-in manager with Touchpoint's two additions: a disabled user cannot sign in and their security stamp
/// no longer validates (so every cookie and token of theirs is refused at the next request), and a bearer sign-in
/// carries the id of a single-use refresh grant (<see cref="RefreshGrants"/>).
/// </summary>
public sealed class TouchpointSignInManager(
    UserManager<TouchpointUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TouchpointUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TouchpointUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TouchpointUser> confirmation,
    RefreshGrants grants)
    : SignInManager<TouchpointUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(TouchpointUser user) => !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(TouchpointUser? user, string? securityStamp) =>
        user is { Disabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);

    public override async Task SignInWithClaimsAsync(TouchpointUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (AuthenticationScheme == IdentityConstants.BearerScheme)
        {
            additionalClaims = [.. additionalClaims, await grants.IssueAsync(user.Id)];
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }
}
