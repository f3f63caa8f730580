using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Touchpoint.Persistence;

/// <summary>
/// Which database, and where: <c>Touchpoint:Database:Provider</c>, <c>ConnectionStrings:Touchpoint</c> and
/// <c>Touchpoint:DataFolder</c>. Read once, while the services are registered: the provider decides what is registered,
/// so a bad value stops the start before anything else happens.
/// </summary>
public sealed class DatabaseOptions
{
    public const string ProviderKey = "Touchpoint:Database:Provider";
    public const string ConnectionStringName = "Touchpoint";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string DataFolderKey = "Touchpoint:DataFolder";

    /// <summary>"sqlite" (the default) or "postgres", as <see cref="IDatabaseProvider.Name"/>; case and spaces do not matter.</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>The provider's connection string; none means the provider's default (SQLite: a file in <see cref="DataFolder"/>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Where the default SQLite file lives: the configured folder, else the user's local application data (on Linux
    /// ~/.local/share/Touchpoint), shared by the web app and the CLI.
    /// </summary>
    public string DataFolder { get; init; } = "";

    public static DatabaseOptions From(IConfiguration configuration) => new()
    {
        Provider = (configuration[ProviderKey] ?? "sqlite").Trim().ToLowerInvariant(),
        ConnectionString = configuration.GetConnectionString(ConnectionStringName) is { } c && !string.IsNullOrWhiteSpace(c) ? c : null,
        DataFolder = configuration[DataFolderKey] is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Touchpoint"),
    };

    /// <summary>The provider these options name, or a start-up failure that says which values are allowed.</summary>
    public IDatabaseProvider ProviderFrom(IReadOnlyList<IDatabaseProvider> providers) =>
        providers.FirstOrDefault(p => p.Name == Provider)
        ?? throw new OptionsValidationException(nameof(DatabaseOptions), typeof(DatabaseOptions),
            [$"{ProviderKey} is '{Provider}'; it must be one of: {string.Join(", ", providers.Select(p => p.Name))}."]);
}
