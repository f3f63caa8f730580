using Microsoft.Extensions.Options;
using Touchpoint.Core;
using Touchpoint.Persistence;
using Touchpoint.Persistence.PostgreSql;
using Touchpoint.Persistence.Sqlite;
using Touchpoint.Web.Users;

namespace Touchpoint.Web.Hosting;

public static class TouchpointServices
{
    public static readonly IReadOnlyList<IDatabaseProvider> Providers = [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider()];

    public static IServiceCollection AddTouchpointCore(this IServiceCollection services)
    {
        services.AddTouchpointUseCases();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Account.RefreshGrants>();
        services.AddScoped<DatabaseInitializer>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateOnStart();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}
