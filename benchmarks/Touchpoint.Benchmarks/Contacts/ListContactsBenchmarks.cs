using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Benchmarks.Contacts;

/// <summary>
/// The contact list API's work at the server: the ListContacts handler in a fresh DI scope (a new DbContext, a
/// pooled connection), as one GET /api/v1/contacts request runs it, without HTTP, sign-in and JSON. 100,000 contacts
/// made by <c>touchpoint demo generate --contacts 100000</c> (seed 5050), default sort (No.), 50 per page.
/// </summary>
public class ListContactsBenchmarks
{
    /// <summary>"son" is in 17.6 % of the generated contacts (Andersson, Johnson, Nilsson…).</summary>
    public const string CommonTerm = "son";

    /// <summary>A phone-number fragment in 3 of the 100,000 contacts.</summary>
    public const string RareTerm = "31415";

    private ServiceProvider _services = null!;
    private string _page100Cursor = "";

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = BenchmarkDatabase.Sqlite;

    public static IEnumerable<string> Databases() => BenchmarkDatabase.Available();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = BenchmarkDatabase.Services(Database);
        await BenchmarkDatabase.RequireContactsAsync(_services, Database);
        string? cursor = null;
        for (var page = 1; page < 100; page++)
        {
            cursor = (await ListAsync(new ContactListQuery { Cursor = cursor })).NextCursor;
        }
        _page100Cursor = cursor ?? throw new InvalidOperationException("There are fewer than 100 pages of contacts.");
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();

    [Benchmark(Description = "first page, no search")]
    public Task<Page<ContactDto>> FirstPage() => ListAsync(new ContactListQuery());

    [Benchmark(Description = "first page, common term")]
    public Task<Page<ContactDto>> CommonSearch() => ListAsync(new ContactListQuery { Search = CommonTerm });

    [Benchmark(Description = "first page, rare term")]
    public Task<Page<ContactDto>> RareSearch() => ListAsync(new ContactListQuery { Search = RareTerm });

    [Benchmark(Description = "page 100 via cursor")]
    public Task<Page<ContactDto>> Page100() => ListAsync(new ContactListQuery { Cursor = _page100Cursor });

    private async Task<Page<ContactDto>> ListAsync(ContactListQuery query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListContacts>().HandleAsync(query);
    }
}
