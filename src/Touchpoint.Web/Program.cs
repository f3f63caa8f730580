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

var builder = WebApplication.CreateBuilder(args);
// Serve the component libraries' files (MudBlazor, the Blazor script) from the build output in every environment,
// not only Development; a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
var services = builder.Services;

services.AddTouchpointPersistence(builder.Configuration, TouchpointServices.Providers);
services.AddTouchpointOptions();
services.AddTouchpointCore();

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
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
    .AddIdentityCookies();
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.AccessDeniedPath = "/account/denied";
    o.ExpireTimeSpan = TimeSpan.FromHours(12);
    o.SlidingExpiration = true;
});
services.AddIdentityCore<TouchpointUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
    })
    .AddRoles<IdentityRole>()
    .AddErrorDescriber<LocalizedIdentityErrors>()
    .AddEntityFrameworkStores<TouchpointDbContext>()
    .AddSignInManager()
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
services.AddExceptionHandler<ApiExceptionHandler>();
services.AddOpenApi(o => o.DescribeJsonBodies());

services.AddLocalization();
services.AddRazorComponents().AddInteractiveServerComponents();
services.AddCascadingAuthenticationState();
services.AddMudServices();
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

// First, so that the problems written by the exception handler and the status code pages are in the caller's
// language too: a culture set by a middleware further in does not flow back out to them.
app.UseRequestLocalization(o => o
    .SetDefaultCulture(Localization.Supported[0])
    .AddSupportedCultures(Localization.Supported)
    .AddSupportedUICultures(Localization.Supported));
app.UseExceptionHandler();
app.UseStatusCodePages();
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
app.MapScalarApiReference();

var api = app.MapGroup("/api/v1").RequireAuthorization(Roles.ReadPolicy);
api.MapAuth();
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
app.MapAccount();
app.MapAttachmentDownloads();

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
