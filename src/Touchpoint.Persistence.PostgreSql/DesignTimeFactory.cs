using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Touchpoint.Persistence.PostgreSql;

/// <summary>For `dotnet ef migrations add … --project src/Touchpoint.Persistence.PostgreSql` (needs no server).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TouchpointDbContext>
{
    public TouchpointDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TouchpointDbContext>();
        new PostgreSqlDatabaseProvider().Configure(options, "Host=localhost;Database=touchpoint_design");
        return new TouchpointDbContext(options.Options);
    }
}
