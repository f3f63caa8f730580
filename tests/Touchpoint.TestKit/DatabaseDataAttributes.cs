using System.Reflection;
using Xunit.Sdk;

namespace Touchpoint.TestKit;

/// <summary>
/// Runs a [Theory] on one database provider: the first argument is "sqlite" or "postgres". With a member name,
/// each row of that static member follows the provider (one test case per row and provider).
/// </summary>
public abstract class ProviderDataAttribute(string provider, string? memberName) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        if (memberName is null)
        {
            return [[provider]];
        }
        var member = testMethod.DeclaringType!.GetProperty(memberName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{testMethod.DeclaringType.Name}.{memberName} is not a public static property.");
        var rows = (IEnumerable<object[]>)member.GetValue(null)!;
        return rows.Select(row => new object[] { provider }.Concat(row).ToArray()).ToList();
    }
}

/// <summary>Runs a [Theory] on SQLite.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SqliteDataAttribute(string? memberName = null) : ProviderDataAttribute(TestDatabases.Sqlite, memberName);

/// <summary>
/// Runs a [Theory] on PostgreSQL. Where no server answers, its rows are skipped with the reason, visibly; the test
/// script starts a server so that nothing is skipped there.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresDataAttribute : ProviderDataAttribute
{
    public PostgresDataAttribute(string? memberName = null) : base(TestDatabases.Postgres, memberName)
    {
        Skip = TestDatabases.PostgresUnavailableReason!;
    }
}
