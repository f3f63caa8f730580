using Microsoft.EntityFrameworkCore;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Persistence;

/// <summary>
/// A list in a query goes to the database as one parameter, as both providers are configured: one statement text for
/// any number of values, which EF Core generates once and the database can reuse. Sent as one parameter per value (EF
/// Core 10's default), each length was a new statement, generated anew for every batch of the wizard's requests, and
/// a look-up of 5,000 codes a statement of 5,000 named parameters (benchmarks/README.md, sections 21 and 23).
/// </summary>
public sealed class ListParameterTests
{
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_list_in_a_query_is_one_parameter_whatever_its_length(string provider)
    {
        using var db = MigrationTests.ContextFor(provider);
        var withThree = ContactsIn(db, ["CT000001", "CT000002", "CT000003"]);
        var withFive = ContactsIn(db, ["CT000001", "CT000002", "CT000003", "CT000004", "CT000005"]);

        // The SQL after the parameter declarations is the same for both lengths.
        Assert.Equal(Statement(withThree), Statement(withFive));
        Assert.Contains(provider == TestDatabases.Postgres ? "= ANY (@" : "json_each(@", Statement(withFive));
        Assert.DoesNotContain("CT000004", Statement(withFive));
    }

    private static string ContactsIn(Touchpoint.Persistence.TouchpointDbContext db, string[] codes) =>
        db.Contacts.Where(c => codes.Contains(c.No)).ToQueryString();

    /// <summary>The statement without the lines ToQueryString puts before it to declare the parameters' values.</summary>
    private static string Statement(string queryString) =>
        string.Join('\n', queryString.Split('\n').SkipWhile(l => !l.StartsWith("SELECT", StringComparison.Ordinal)));
}
