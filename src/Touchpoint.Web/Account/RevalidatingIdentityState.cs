using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>
/// An open page (a Blazor circuit) makes no new HTTP requests, so the cookie check alone would let it go on after the
/// user was disabled, signed out elsewhere or had their roles changed. Every 30 seconds the circuit's user is checked
/// against the current security stamp; when it no longer matches, the page falls back to the sign-in page.
/// </summary>
internal sealed class RevalidatingIdentityState(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<TouchpointUser>>();
        return await signIn.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}
