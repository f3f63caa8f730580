using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.TestKit;
using Touchpoint.Web.Hosting;

namespace Touchpoint.IntegrationTests.Hosting;

/// <summary>
/// The configuration keys are bound once into options and checked at start-up: a bad value stops the web app and the
/// command-line tool before anything is migrated or written, with a message that names the key; good values reach the
/// code that uses them.
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "touchpoint-tests", Guid.NewGuid().ToString("N"));

    public ConfigurationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The web app with these settings over a SQLite file of its own; null removes a setting the test kit would give.</summary>
    private sealed class ConfiguredApp(string folder, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(DatabaseOptions.DataFolderKey, folder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>Starts the web app with the settings and returns why it would not start.</summary>
    private string StartFailure(params (string Key, string? Value)[] settings)
    {
        using var app = new ConfiguredApp(_folder, settings.ToDictionary(s => s.Key, s => s.Value));
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        return string.Join(" | ", Chain(failure).Select(e => e.Message));
    }

    /// <summary>Whether migrations ran on the SQLite file of the test (opening it alone may create an empty file).</summary>
    private bool Migrated()
    {
        var file = Path.Combine(_folder, "touchpoint.db");
        if (!File.Exists(file))
        {
            return false;
        }
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { DatabaseOptions.ProviderKey, "oracle", "Touchpoint:Database:Provider is 'oracle'; it must be one of: sqlite, postgres." },
        { "Touchpoint:Attachments:MaxSizeMb", "0", "Touchpoint:Attachments:MaxSizeMb is 0; it must be a whole number of megabytes from 1 to 512." },
        { "Touchpoint:Attachments:MaxSizeMb", "600", "Touchpoint:Attachments:MaxSizeMb is 600; it must be a whole number of megabytes from 1 to 512." },
        { "Touchpoint:Attachments:MaxSizeMb", "lots", "'Touchpoint:Attachments:MaxSizeMb'" },
        { "Touchpoint:Company:PostCode", new string('9', 21), "Touchpoint:Company:PostCode is 21 characters long; at most 20 are allowed." },
        { "Touchpoint:Admin:Email", "admin at example", "Touchpoint:Admin:Email is 'admin at example', which is not an e-mail address." },
        { "Touchpoint:SeedDemoData", "perhaps", "'Touchpoint:SeedDemoData'" },
        { "Touchpoint:LibreOffice:Path", "/nonexistent/soffice", "Touchpoint:LibreOffice:Path is '/nonexistent/soffice'; no such file." },
        { "Touchpoint:LibreOffice:TimeoutSeconds", "0", "Touchpoint:LibreOffice:TimeoutSeconds is 0; it must be from 5 to 3600." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_stops_the_web_app_before_anything_is_migrated_naming_the_key(string key, string value, string expected)
    {
        var failure = StartFailure((key, value));

        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.False(Migrated(), "the database was migrated despite the bad value");
    }

    [Fact]
    public void A_trusted_smtp_certificate_that_is_missing_or_no_certificate_stops_the_web_app_naming_the_key()
    {
        var notACertificate = Path.Combine(_folder, "server.pem");
        File.WriteAllText(notACertificate, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        (string, string?)[] smtp = [("Touchpoint:Smtp:Host", "mail.example.com"), ("Touchpoint:Smtp:From", "crm@example.com")];

        var missing = StartFailure([.. smtp, ("Touchpoint:Smtp:TrustedCertificate", "/nonexistent/mail-ca.pem")]);
        var unreadable = StartFailure([.. smtp, ("Touchpoint:Smtp:TrustedCertificate", notACertificate)]);
        var notPem = Path.Combine(_folder, "server.crt");
        File.WriteAllText(notPem, "this is no certificate");
        var notDer = StartFailure([.. smtp, ("Touchpoint:Smtp:TrustedCertificate", notPem)]);

        Assert.Contains("Touchpoint:Smtp:TrustedCertificate is '/nonexistent/mail-ca.pem'; no such file.", missing, StringComparison.Ordinal);
        Assert.Contains($"Touchpoint:Smtp:TrustedCertificate is '{notACertificate}', which holds no certificate (PEM or DER)", unreadable,
            StringComparison.Ordinal);
        Assert.Contains($"Touchpoint:Smtp:TrustedCertificate is '{notPem}', which holds no certificate (PEM or DER)", notDer, StringComparison.Ordinal);
        Assert.False(Migrated(), "the database was migrated despite the bad value");
    }

    [Fact]
    public void An_admin_password_without_an_admin_email_stops_the_web_app()
    {
        var failure = StartFailure(("Touchpoint:Admin:Password", "Secret-Pass-123"));

        Assert.Contains("Touchpoint:Admin:Password is set without Touchpoint:Admin:Email; set both, or neither.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_web_app_saying_which_key_is_missing()
    {
        var failure = StartFailure((DatabaseOptions.ProviderKey, "postgres"), (DatabaseOptions.ConnectionStringKey, null));

        Assert.Contains("Touchpoint:Database:Provider is postgres, so ConnectionStrings:Touchpoint must name the database", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_values_reach_the_code_that_uses_them()
    {
        using var app = new ConfiguredApp(_folder, new Dictionary<string, string?>
        {
            // Case and spaces around the provider's name do not matter.
            [DatabaseOptions.ProviderKey] = " SQLite ",
            ["Touchpoint:Attachments:MaxSizeMb"] = "5",
            ["Touchpoint:Company:Name"] = "CRONUS International Ltd.",
            ["Touchpoint:Company:City"] = "London",
            ["Touchpoint:Admin:Email"] = "boss@example.com",
            ["Touchpoint:Admin:Password"] = "Boss-Pass-123",
            ["Touchpoint:SeedDemoData"] = "false",
        });
        var services = app.Services;

        var database = services.GetRequiredService<DatabaseSettings>();
        Assert.Equal("sqlite", database.Provider);
        Assert.Contains(Path.Combine(_folder, "touchpoint.db"), database.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(5L * 1024 * 1024, services.GetRequiredService<AttachmentSettings>().MaxSizeBytes);
        var company = services.GetRequiredService<IOptions<CompanyOptions>>().Value;
        Assert.Equal(("CRONUS International Ltd.", "London"), (company.Name, company.City));
        Assert.False(services.GetRequiredService<IOptions<StartupOptions>>().Value.SeedDemoData);

        // The configured admin was made at start-up and can sign in.
        using var client = app.CreateClient();
        var login = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "boss@example.com", password = "Boss-Pass-123" }));
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public void Without_configuration_the_defaults_apply()
    {
        using var app = new ConfiguredApp(_folder, new Dictionary<string, string?>());
        var services = app.Services;

        Assert.Equal("sqlite", services.GetRequiredService<DatabaseSettings>().Provider);
        Assert.Equal(20L * 1024 * 1024, services.GetRequiredService<AttachmentSettings>().MaxSizeBytes);
        Assert.Null(services.GetRequiredService<IOptions<CompanyOptions>>().Value.Name);
        Assert.Null(services.GetRequiredService<IOptions<AdminOptions>>().Value.Email);
    }

    [Theory]
    [InlineData("Touchpoint__Attachments__MaxSizeMb", "0", "Touchpoint:Attachments:MaxSizeMb is 0; it must be a whole number of megabytes from 1 to 512.")]
    [InlineData("Touchpoint__Database__Provider", "mysql", "Touchpoint:Database:Provider is 'mysql'; it must be one of: sqlite, postgres.")]
    public async Task A_bad_value_ends_a_command_of_the_command_line_tool_with_its_message(string variable, string value, string expected)
    {
        var (code, output) = await CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Touchpoint__DataFolder"] = _folder,
            [variable] = value,
        }, "db", "migrate");

        Assert.Equal(1, code);
        Assert.Contains("touchpoint: error: " + expected, output, StringComparison.Ordinal);
        Assert.False(Migrated(), "the command migrated despite the bad value");
    }
}
