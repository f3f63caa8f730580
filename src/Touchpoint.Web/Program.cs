using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Identity;
using Touchpoint.Web.Account;
using Touchpoint.Web.Audit;
using Touchpoint.Web.Campaigns;
using Touchpoint.Web.Common;
using Touchpoint.Web.Components;
using Touchpoint.Web.Contacts;
using Touchpoint.Web.Hosting;
using Touchpoint.Web.Interactions;
using Touchpoint.Web.NoSeries;
using Touchpoint.Web.Opportunities;
using Touchpoint.Web.Salespeople;
using Touchpoint.Web.Segments;
using Touchpoint.Web.Delivery;
using Touchpoint.Web.Documents;
using Touchpoint.Web.Users;

// The content root (appsettings.json, wwwroot) is the app's own folder, wherever it is started from; --contentRoot or
// ASPNETCORE_CONTENTROOT still choose another.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });
builder.AddEdgeSecurity();
// Serve the component libraries' files (MudBlazor, the Blazor script) from the build output in every environment,
// not only Development; a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
var services = builder.Services;

services.AddTouchpointPersistence(builder.Configuration, TouchpointServices.Providers);
services.AddTouchpointOptions();
services.AddTouchpointCore();
services.AddSignInProtection();

// Sign-in: cookies for the UI, Identity's bearer tokens for /api. The API speaks bearer only (docs/api.md), so an
// anonymous API call gets 401 rather than a redirect to the sign-in page.
const string SchemeSelector = "Touchpoint";
services.AddAuthentication(o =>
    {
        o.DefaultScheme = SchemeSelector;
        o.DefaultChallengeScheme = SchemeSelector;
    })
    .AddPolicyScheme(SchemeSelector, "Cookie for pages, bearer for the API", o =>
        o.ForwardDefaultSelector = context =>
            context.Request.Path.StartsWithSegments("/api")
            || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o =>
    {
        o.BearerTokenExpiration = TimeSpan.FromHours(1);
        o.Events.OnMessageReceived = BearerTokenValidation.OnMessageReceivedAsync;
    })
    .AddIdentityCookies();
services.ConfigureApplicationCookie(o =>
{
    // Every request's cookie is checked against the user's current security stamp, as bearer tokens are: a role
    // change, password change or reset, disabling or signing out changes the stamp, so it takes effect at the next
    // request. Identity's own validator would also read the roles again and re-issue the cookie on every request
    // (static files included); a cookie whose stamp is current cannot hold stale roles, so it is only checked.
    o.Events.OnValidatePrincipal = BearerTokenValidation.OnValidateCookieAsync;
    o.LoginPath = "/account/login";
    o.AccessDeniedPath = "/account/denied";
    o.ExpireTimeSpan = TimeSpan.FromHours(12);
    o.SlidingExpiration = true;
    // Secure whenever the request came over HTTPS (also through a known proxy, see EdgeSecurity).
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    // A path, not an absolute URL built from the request's Host header, which a client chooses.
    o.Events.OnRedirectToLogin = context =>
    {
        context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
        return Task.CompletedTask;
    };
});
services.AddSingleton<SecurityStampCheck>();
services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
services.AddIdentityCore<TouchpointUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        // No lockout on failed passwords: SignInGuard limits them per e-mail and client address instead.
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
    })
    .AddRoles<IdentityRole>()
    .AddErrorDescriber<LocalizedIdentityErrors>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddEntityFrameworkStores<TouchpointDbContext>()
    .AddUserManager<TouchpointUserManager>()
    .AddSignInManager<TouchpointSignInManager>()
    .AddDefaultTokenProviders();

// Nothing answers without signing in but what says so (health, sign-in page, static files).
services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Roles.ReadPolicy, p => p.RequireRole(Roles.Admin, Roles.Sales, Roles.Viewer))
    .AddPolicy(Roles.WritePolicy, p => p.RequireRole(Roles.Admin, Roles.Sales))
    .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));

services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Localize);
// After AddProblemDetails: its JSON writer goes first, this one answers what it declines (an Accept without JSON).
services.AddSingleton<IProblemDetailsWriter, ProblemFallbackWriter>();
services.AddExceptionHandler<ApiExceptionHandler>();
services.AddOpenApi(o => o.DescribeJsonBodies());

services.AddLocalization();
services.AddRazorComponents().AddInteractiveServerComponents();
services.AddCascadingAuthenticationState();
services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityState>();
services.AddMudServices(o =>
{
    // Notifications at the bottom, one at a time: at the top they covered the card's Save, Delete and Print buttons, and
    // three piled up after a few quick saves.
    o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
    o.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
});
services.AddScoped<MudBlazor.SnackbarService>();
services.AddScoped<MudBlazor.ISnackbar, Touchpoint.Web.Components.Layout.OneNotificationAtATime>();
// MudBlazor's own texts in the UI languages (after AddMudServices, so that this registration is the one resolved).
services.AddTransient<MudBlazor.MudLocalizer, MudTranslations>();
services.AddHttpContextAccessor();

var app = builder.Build();

// Every configured value is checked before anything is migrated or written: a bad one stops the start, naming its key.
app.Services.GetRequiredService<IStartupValidator>().Validate();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunAsync();
}

app.UseEdgeSecurity();

// First, so that the problems written by the exception handler and the status code pages are in the caller's
// language too: a culture set by a middleware further in does not flow back out to them.
app.UseRequestLocalization(o => o
    .SetDefaultCulture(Localization.Supported[0])
    .AddSupportedCultures(Localization.Supported)
    .AddSupportedUICultures(Localization.Supported));
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodyLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapGet("/health", async (TouchpointDbContext db, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct)
            ? Results.Ok(new { status = "healthy" })
            : Results.Problem(Messages.Get("DatabaseUnreachable"), statusCode: StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi();
// Its own files only: no fonts from its CDN, no telemetry (the content security policy would refuse them).
app.MapScalarApiReference(o => o.DisableDefaultFonts().DisableTelemetry());

var api = app.MapGroup("/api/v1").RequireAuthorization(Roles.ReadPolicy).AddEndpointFilter(Query.RefuseNulAsync);
api.MapAuth();
api.MapOwnAccount();
api.MapContacts();
api.MapSalespeople();
api.MapCampaigns();
api.MapOpportunities();
api.MapUsers();
api.MapNoSeries();
api.MapInteractionSetup();
api.MapInteractions();
api.MapInteractionEntryActions();
api.MapSegments();
api.MapDelivery();
api.MapDocumentEvents();
api.MapAudit();
api.MapGlobalSearch();
api.MapRelationshipManagementCues();
app.MapAccount();
app.MapAttachmentDownloads();
app.MapPageExports();

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
