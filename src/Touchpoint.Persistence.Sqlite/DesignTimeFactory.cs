using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Touchpoint.Persistence.Sqlite;

/// <summary>For `dotnet ef migrations add … --project src/Touchpoint.Persistence.Sqlite`.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TouchpointDbContext>
{
    public TouchpointDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TouchpointDbContext>();
        new SqliteDatabaseProvider().Configure(options, "Data Source=design.db");
        return new TouchpointDbContext(options.Options);
    }
}
