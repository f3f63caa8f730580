using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using Touchpoint.Persistence.Identity;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Account;

/// <summary>
/// Bearer tokens for the API (docs/api.md, "Signing in and roles"): ASP.NET Core Identity's own token format, issued by its
/// bearer-token handler. Sign-in and refresh are limited per client address, and failed passwords per e-mail and
/// address, as on the sign-in page (<see cref="SignInGuard"/>).
/// </summary>
internal static class AuthApi
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication").AllowAnonymous();

        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (HttpRequest request, SignInManager<TouchpointUser> signIn,
            SignInGuard guard, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("email", "password");
            var email = body.Errors.Required("email", body.Value<string?>("email"));
            var password = body.Errors.Required("password", body.Value<string?>("password"));
            body.ThrowIfErrors();
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var (verdict, wait) = await guard.PasswordSignInAsync(signIn, request.HttpContext, email!, password!, persistent: false);
            switch (verdict)
            {
                case SignInVerdict.SignedIn:
                    // The bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }.
                    return TypedResults.Empty;
                case SignInVerdict.TooManyAttempts:
                    var seconds = SignInGuard.SetRetryAfter(request.HttpContext, wait);
                    return TypedResults.Problem(Messages.Get("SignInTooManyAttempts", seconds),
                        statusCode: StatusCodes.Status429TooManyRequests, title: Messages.Get("ProblemTitle_429"));
                default:
                    // One answer for an unknown e-mail, a wrong password and a disabled user (SignInGuard).
                    return TypedResults.Problem(Messages.Get("SignInFailed"),
                        statusCode: StatusCodes.Status401Unauthorized, title: Messages.Get("ProblemSignInFailed"));
            }
        }).AcceptsJson<LoginRequest>().WithSummary("Sign in; returns a bearer access token and a refresh token")
        .WithMetadata(new SignInAttemptAttribute()).WithBodyLimit(BodyLimits.SignIn);

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ProblemHttpResult>> (HttpRequest request,
            SignInManager<TouchpointUser> signIn, RefreshGrants grants, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("refreshToken");
            var token = body.Errors.Required("refreshToken", body.Value<string?>("refreshToken"));
            body.ThrowIfErrors();
            var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(token);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not TouchpointUser user
                // Single use: the grant the token names is deleted now, so the same token a second time is refused.
                || !await grants.RedeemAsync(user.Id, ticket.Principal))
            {
                return TypedResults.Problem(Messages.Get("RefreshTokenInvalid"),
                    statusCode: StatusCodes.Status401Unauthorized, title: Messages.Get("ProblemRefreshFailed"));
            }
            ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
            ((ClaimsIdentity)principal.Identity!).AddClaim(await grants.IssueAsync(user.Id));
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AcceptsJson<RefreshRequest>().WithSummary("Exchange a refresh token for new tokens")
        .WithMetadata(new SignInAttemptAttribute()).WithBodyLimit(BodyLimits.SignIn);
    }

    /// <summary>Body of POST /auth/login.</summary>
    internal sealed record LoginRequest(string Email, string Password);

    /// <summary>Body of POST /auth/refresh.</summary>
    internal sealed record RefreshRequest(string RefreshToken);
}

/// <summary>The sign-out of the web UI: a POST with the anti-forgery token, then back to the sign-in page.</summary>
internal static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        // A form post from the app bar: without the anti-forgery token another site could sign the user out. Signing
        // out ends every session of the user (new security stamp), so a copy of the cookie is refused as well.
        app.MapPost("/account/logout", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext context, IAntiforgery antiforgery,
            SignInManager<TouchpointUser> signIn, Users.UserAdministration admin) =>
        {
            try
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return TypedResults.BadRequest();
                }
            }
            catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException or IOException)
            {
                // A malformed form body (bad multipart, no boundary) is the client's fault: no token read, no sign-out.
                return TypedResults.BadRequest();
            }
            if (signIn.UserManager.GetUserId(context.User) is { } id)
            {
                await admin.EndSessionsAsync(id);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });

        // The language picker: remembers the choice in the culture cookie for a year, then goes back (to a page of this
        // site only). Anonymous: the sign-in page has the picker too.
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (!Localization.Supported.Contains(culture))
            {
                throw DomainException.Invalid("culture", Messages.Get("CultureNotSupported", string.Join(", ", Localization.Supported)));
            }
            context.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            return TypedResults.LocalRedirect(LocalUrl.OrHome(redirectUri));
        }).AllowAnonymous();
    }
}
