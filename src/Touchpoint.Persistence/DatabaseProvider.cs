using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Salespeople;
using Touchpoint.Persistence.Common;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Persistence;

/// <summary>
/// What differs between SQLite and PostgreSQL: how to connect, where the migrations are, and (later) the bulk paths.
/// Each provider assembly has one; the host picks by <c>Touchpoint:Database:Provider</c>.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The configuration value that selects it: "sqlite" or "postgres".</summary>
    string Name { get; }

    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>The connection string when none is configured.</summary>
    string DefaultConnectionString(string dataFolder);

    /// <summary>Called once at start-up, before migrations (SQLite: WAL mode, folder exists).</summary>
    void Prepare(string connectionString);

    /// <summary>
    /// Holds the database's start-up lock until the result is disposed: migrations and the start-up setup (roles, the
    /// first admin, base setup) run under it, so instances that start together on one database run them one after the
    /// other and the later ones find the work done. PostgreSQL: a session advisory lock (the database is created first
    /// when it is missing); SQLite: none needed beyond EF Core's own migration lock, as one file is one machine's.
    /// </summary>
    Task<IAsyncDisposable> LockForStartupAsync(DbContext db, CancellationToken ct = default);

    /// <summary>Registers what the provider does its own way (the contact search index).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>
    /// Adds many new contacts at the speed the database can go, all or none, without EF change tracking (11–14×
    /// slower, see benchmarks/README.md): SQLite one transaction with one prepared INSERT reused, PostgreSQL binary COPY. The
    /// contacts come from <see cref="Contact.Create"/>, so SearchText and SearchName follow the entity's rules; the
    /// caller has made sure their numbers are free.
    /// </summary>
    Task BulkInsertContactsAsync(string connectionString, IEnumerable<Contact> contacts, CancellationToken ct = default);

    /// <summary>
    /// Adds many new interaction log entries the same way, all or none: SQLite one transaction with one prepared
    /// INSERT reused, PostgreSQL binary COPY. The entries come from <see cref="InteractionLogEntry.From"/> (their
    /// EntryNo is not written: the database numbers them); the caller has made sure their contacts, templates and
    /// salespeople exist. The entries are streamed: the sequence is read once and never held.
    /// </summary>
    Task BulkInsertInteractionLogEntriesAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct = default);
}

public static class PersistenceServices
{
    /// <summary>
    /// Registers the DbContext for the configured provider, the Core use cases' view of it, and the key ring store.
    /// </summary>
    public static IServiceCollection AddTouchpointPersistence(this IServiceCollection services, IConfiguration configuration,
        IReadOnlyList<IDatabaseProvider> providers)
    {
        var options = DatabaseOptions.From(configuration);
        var provider = options.ProviderFrom(providers);
        var connectionString = options.ConnectionString ?? provider.DefaultConnectionString(options.DataFolder);
        FileModes.PrivateFolder(options.DataFolder);
        provider.Prepare(connectionString);
        services.AddSingleton(provider);
        provider.AddServices(services);
        services.AddSingleton(new DatabaseSettings(provider.Name, connectionString));
        // Pooled contexts with options built once: built per request, EF Core would hash the options each time to find
        // its internal services, under a lock (measured: a sixth of a simple API call's CPU), and set up a new context.
        services.AddDbContextPool<TouchpointDbContext>((sp, o) =>
        {
            provider.Configure(o, connectionString);
            // A commit that wrote entries to deliver wakes the delivery worker.
            o.AddInterceptors(sp.GetRequiredService<Core.Delivery.DeliverySignal>());
        });
        services.AddScoped<ITouchpointDb>(sp => sp.GetRequiredService<TouchpointDbContext>());
        services.AddScoped<IUserSetup, IdentityUserSetup>();
        // The key ring lives in the database (shared by every instance) and each key in it is encrypted with the key
        // file, which is not in the database: a copy of the database alone cannot sign a cookie or a token.
        var secret = new KeyRingSecret(KeyRingSecret.PathFrom(configuration, options.DataFolder));
        services.AddSingleton(secret);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
                o.XmlEncryptor = new KeyRingEncryptor(secret);
            }));
        services.AddDataProtection().SetApplicationName("Touchpoint");
        return services;
    }

    /// <summary>
    /// The configuration sections the web app and the CLI share, each bound once and checked when the host starts
    /// (a bad value stops it with a message naming the key): attachments, the company, the SMTP server and LibreOffice.
    /// </summary>
    public static IServiceCollection AddTouchpointOptions(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>();
        // What the attachment store and the upload endpoint read: the bound, in bytes.
        services.AddSingleton(sp => new AttachmentSettings(sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxSizeBytes));
        services.AddOptions<CompanyOptions>().BindConfiguration(CompanyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CompanyOptions>, CompanyOptionsValidator>();
        services.AddOptions<Core.Delivery.SmtpOptions>().BindConfiguration(Core.Delivery.SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Core.Delivery.SmtpOptions>, Core.Delivery.SmtpOptionsValidator>();
        services.AddOptions<LibreOfficeOptions>().BindConfiguration(LibreOfficeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LibreOfficeOptions>, LibreOfficeOptionsValidator>();
        return services;
    }
}

/// <summary>The provider and connection string in use (shown to admins, used by bulk paths).</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString);
