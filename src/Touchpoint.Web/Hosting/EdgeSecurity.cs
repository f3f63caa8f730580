using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Touchpoint.Web.Hosting;

/// <summary>
/// Configuration key <c>Touchpoint:KnownProxies</c>: the reverse proxies (addresses, or networks as
/// <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. A list, or one
/// comma-separated value. Default: the loopback addresses (a proxy on the same machine).
/// </summary>
public sealed class ProxyOptions
{
    public const string Key = "Touchpoint:KnownProxies";

    public static IReadOnlyList<IPNetwork> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var values = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();
        if (values.Length == 0)
        {
            return [new IPNetwork(IPAddress.Loopback, 8), new IPNetwork(IPAddress.IPv6Loopback, 128)];
        }
        return values.Select(v => v.Contains('/', StringComparison.Ordinal)
                ? IPNetwork.TryParse(v, out var network) ? network : throw Bad(v)
                : IPAddress.TryParse(v, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) : throw Bad(v))
            .ToList();
    }

    private static OptionsValidationException Bad(string value) =>
        new(Key, typeof(ProxyOptions), [$"{Key} has '{value}', which is neither an IP address nor a network like 10.0.0.0/8."]);
}

/// <summary>
/// What the app does at its edge, for running behind a TLS-terminating reverse proxy and for the browser: the client's
/// address and scheme from configured proxies, HSTS over HTTPS, no Server header, and headers that keep pages from
/// being framed, sniffed or made to run other scripts.
/// </summary>
internal static class EdgeSecurity
{
    /// <summary>
    /// The page policy. Blazor Server needs no inline script or eval; its circuit is a WebSocket to this site
    /// (connect-src 'self'). MudBlazor sets style attributes and a theme style element, hence 'unsafe-inline' for styles
    /// only. Letter previews are blob: URLs in a frame (frame-src, and object-src for the PDF viewer in it).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self' blob:; frame-src 'self' blob:; object-src 'self' blob:; "
        + "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The API reference (Scalar, /scalar) starts itself with an inline module script that carries its configuration,
    /// and its bundle calls eval: both are allowed on those pages only, which show no user data of their own.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        + "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    public static WebApplicationBuilder AddEdgeSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var proxies = ProxyOptions.Read(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the client address and the scheme: the host stays the one the proxy sent (checked by AllowedHosts).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in proxies)
            {
                o.KnownIPNetworks.Add(network);
            }
            // One proxy in front: its X-Forwarded-For's last entry is the client it saw.
            o.ForwardLimit = 1;
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after sees the client's address and scheme.</summary>
    public static WebApplication UseEdgeSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Adds Strict-Transport-Security to answers over HTTPS only (and never for localhost).
        app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}

/// <summary>Where the app finds appsettings.json and wwwroot.</summary>
internal static class ContentRoot
{
    /// <summary>
    /// The folder of the app's own files, unless the command line or the environment names one: started from another
    /// working folder (a service, a published copy run by its full path), it would otherwise serve empty static files
    /// and ignore its appsettings.json.
    /// </summary>
    public static string? Default(string[] args)
    {
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return given ? null : AppContext.BaseDirectory;
    }
}
