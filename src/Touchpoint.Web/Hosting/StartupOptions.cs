using Microsoft.Extensions.Options;

namespace Touchpoint.Web.Hosting;

/// <summary>
/// Configuration section <c>Touchpoint:Admin</c>: an admin the web app makes sure exists at start-up. Without it,
/// the first start on a database with no users makes admin@touchpoint.local and prints its password once.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Touchpoint:Admin";

    public string? Email { get; set; }

    /// <summary>Needed only when the user does not exist yet; an existing user keeps its own password.</summary>
    public string? Password { get; set; }
}

/// <summary>A password with no e-mail, or an e-mail that is not one, would be ignored or fail at sign-in: refused at start-up.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Email))
        {
            return string.IsNullOrEmpty(options.Password)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{AdminOptions.Section}:{nameof(AdminOptions.Password)} is set without {AdminOptions.Section}:{nameof(AdminOptions.Email)}; set both, or neither.");
        }
        var email = options.Email.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && !email.Contains(' ', StringComparison.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AdminOptions.Section}:{nameof(AdminOptions.Email)} is '{email}', which is not an e-mail address.");
    }
}

/// <summary>Configuration section <c>Touchpoint</c>, the web app's start-up choices.</summary>
public sealed class StartupOptions
{
    public const string Section = "Touchpoint";

    /// <summary>
    /// <c>Touchpoint:SeedDemoData</c>: fill a new, empty database with the demo company. Unset: yes in Development,
    /// no elsewhere.
    /// </summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Section <c>Touchpoint:Database</c>, as far as the web app's start-up reads it.</summary>
    public DatabaseStartupOptions Database { get; set; } = new();
}

/// <summary>Configuration <c>Touchpoint:Database:…</c> read at the web app's start-up.</summary>
public sealed class DatabaseStartupOptions
{
    public const string MigrateAtStartupKey = "Touchpoint:Database:MigrateAtStartup";

    /// <summary>
    /// <c>Touchpoint:Database:MigrateAtStartup</c>: apply pending migrations at start-up (default). False: migrations are
    /// applied only by <c>touchpoint db migrate</c>, and the app refuses to start on a database that has pending ones.
    /// </summary>
    public bool MigrateAtStartup { get; set; } = true;
}
