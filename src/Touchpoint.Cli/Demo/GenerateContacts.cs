using System.Globalization;
using Bogus;
using Bogus.Extensions;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.NoSeries;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Demo;

/// <summary>
/// Fills a database with synthetic contacts for trying and measuring Touchpoint at size: in every thousand contacts one
/// large company with 50 persons, then companies of three persons each (about one company in four contacts), with names, addresses and phone numbers of six countries. Every
/// contact is made by <see cref="Contact.Create"/> (so SearchText and SearchName are exactly what the app writes) and
/// written through the provider's bulk path; EF change tracking would be 11–14× slower (benchmarks/README.md, "Bare database").
/// </summary>
internal sealed class GenerateContacts(
    TouchpointDbContext db,
    BaseSetup baseSetup,
    IDatabaseProvider provider,
    DatabaseSettings database,
    TimeProvider clock)
{
    public const int DefaultSeed = 5050;
    public const int ContactsPerCompany = 4;

    /// <summary>Contacts are laid out in blocks: a large company with its persons first, then small companies.</summary>
    public const int BlockSize = 1000;
    public const int LargeCompanyPersons = 50;

    /// <summary>Whether the i-th generated contact is a company (the persons after it, up to the next, are its own).</summary>
    public static bool StartsCompany(long i)
    {
        var k = i % BlockSize;
        return k == 0 || (k > LargeCompanyPersons && (k - LargeCompanyPersons - 1) % ContactsPerCompany == 0);
    }

    private static readonly (string Country, string Locale, string Language, string Phone)[] Countries =
    [
        ("NL", "nl", "NLD", "+31"), ("SE", "sv", "SVE", "+46"), ("RU", "ru", "RUS", "+7"),
        ("GB", "en_GB", "ENG", "+44"), ("US", "en_US", "ENU", "+1"), ("DE", "de", "DEU", "+49"),
    ];

    public async Task HandleAsync(int count, int seed, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync($"Database: {CliHost.Target(database)}");
        await CliHost.RequireMigratedAsync(db, ct);
        await baseSetup.EnsureAsync(ct);

        var series = await db.NoSeries.AsNoTracking().SingleAsync(s => s.Code == NoSeriesLine.Contacts, ct);
        var taken = (await db.Contacts.AsNoTracking().Select(c => c.No).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var salespeople = await db.Salespeople.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        var (numbers, last) = FreeNumbers(series, taken, count);
        var companies = Enumerable.Range(0, count).Count(i => StartsCompany(i));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generating {count:N0} contacts ({companies:N0} companies, {count - companies:N0} persons), numbered {numbers[0]} … {numbers[^1]}."));

        var pools = BuildPools(seed);
        var progress = new ProgressReport(output, count, "contacts");
        var contacts = progress.Track(Generate(numbers, pools, salespeople, seed, clock.GetUtcNow()));
        await provider.BulkInsertContactsAsync(database.ConnectionString, contacts, ct);
        progress.Done();

        // BC's number series continues after the numbers used, as after a manual import.
        await db.NoSeries.Where(s => s.Code == NoSeriesLine.Contacts && s.LastNoUsed < last)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNoUsed, last), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Added {count:N0} contacts in {progress.Elapsed.TotalSeconds:F2} s: {progress.Rate:N0} rows/s. The CONTACT series continues after {series.Format(last)}."));
    }

    /// <summary>The next numbers of the series, skipping any already used (typed by hand or imported).</summary>
    private static (List<string> Numbers, int Last) FreeNumbers(NoSeriesLine series, HashSet<string> taken, int count)
    {
        var numbers = new List<string>(count);
        var n = series.LastNoUsed;
        while (numbers.Count < count)
        {
            var no = series.Format(++n);
            if (no.Length > Contact.NoLength)
            {
                throw new InvalidOperationException(
                    $"The number series {series.Code} runs out of numbers after {numbers.Count:N0} contacts; widen it in Setup → Number Series.");
            }
            if (!taken.Contains(no))
            {
                numbers.Add(no);
            }
        }
        return (numbers, n);
    }

    private static IEnumerable<Contact> Generate(List<string> numbers, CountryPool[] pools, List<string> salespeople, int seed, DateTimeOffset now)
    {
        // A plain seeded Random over pools drawn once from Bogus: Bogus per value would make the generator, not the
        // database, the slow part. Synthetic data, so no cryptographic randomness is wanted.
#pragma warning disable CA5394
        var random = new Random(seed);
        Contact? company = null;
        CountryPool pool = pools[0];
        string domain = "";
        for (var i = 0; i < numbers.Count; i++)
        {
            var errors = new FieldErrors();
            Contact contact;
            if (StartsCompany(i))
            {
                pool = pools[random.Next(pools.Length)];
                var (name, ascii) = Pick(random, pool.Companies);
                domain = ascii.Length >= 3 ? ascii : "company" + i.ToString(CultureInfo.InvariantCulture);
                var (city, postCode) = Pick(random, pool.Cities);
                contact = company = Contact.Create(numbers[i], new ContactFields
                {
                    Type = ContactType.Company,
                    Name = Cut(name, Contact.NameLength),
                    Email = Cut($"info@{domain}.example", Contact.EmailLength),
                    PhoneNo = string.Create(CultureInfo.InvariantCulture,
                        $"{pool.Phone} {random.Next(10, 100)} {random.Next(100, 1000)} {random.Next(1000, 10000)}"),
                    Address = Cut(Pick(random, pool.Streets), Contact.AddressLength),
                    PostCode = Cut(postCode, Contact.PostCodeLength),
                    City = Cut(city, Contact.CityLength),
                    CountryRegionCode = pool.Country,
                    LanguageCode = pool.Language,
                    SalespersonCode = salespeople.Count == 0 ? null : salespeople[random.Next(salespeople.Count)],
                    CorrespondenceType = (CorrespondenceType)random.Next(3),
                }, null, now, errors);
            }
            else
            {
                var (first, firstAscii) = Pick(random, pool.FirstNames);
                var (last, lastAscii) = Pick(random, pool.LastNames);
                var local = $"{firstAscii}.{lastAscii}".Trim('.');
                contact = Contact.Create(numbers[i], new ContactFields
                {
                    Type = ContactType.Person,
                    Name = Cut($"{first} {last}", Contact.NameLength),
                    CompanyNo = company!.No,
                    Email = Cut($"{(local.Length > 1 ? local : "contact" + i.ToString(CultureInfo.InvariantCulture))}@{domain}.example", Contact.EmailLength),
                    PhoneNo = company.PhoneNo,
                    MobilePhoneNo = string.Create(CultureInfo.InvariantCulture, $"{pool.Phone} 6{random.Next(10_000_000, 100_000_000)}"),
                    Address = company.Address,
                    PostCode = company.PostCode,
                    City = company.City,
                    CountryRegionCode = company.CountryRegionCode,
                    LanguageCode = company.LanguageCode,
                    SalespersonCode = company.SalespersonCode,
                    CorrespondenceType = company.CorrespondenceType,
                    PrivacyBlocked = random.Next(100) == 0,
                }, company, now, errors);
            }
            if (errors.Any)
            {
                // The generator's own values break a field rule: a bug here, not bad input.
                errors.ThrowIfAny();
            }
            yield return contact;
        }
#pragma warning restore CA5394
    }

    /// <summary>One country's values; names come with their ASCII form for e-mail addresses, worked out once.</summary>
    private sealed record CountryPool(
        string Country, string Language, string Phone,
        (string Name, string Ascii)[] FirstNames, (string Name, string Ascii)[] LastNames, (string Name, string Ascii)[] Companies,
        string[] Streets, (string City, string PostCode)[] Cities);

    private static CountryPool[] BuildPools(int seed) =>
        Countries.Select((c, i) =>
        {
            var faker = new Faker(c.Locale) { Random = new Randomizer(seed + i) };
            string[] Draw(int n, Func<string> next) => Enumerable.Range(0, n).Select(_ => next()).Distinct(StringComparer.Ordinal).ToArray();
            (string, string)[] WithAscii(string[] names, char separator, int max) =>
                names.Select(n => (n, Ascii(n, c.Locale, separator, max))).ToArray();
            return new CountryPool(c.Country, c.Language, c.Phone,
                WithAscii(Draw(400, () => faker.Name.FirstName()), '-', 20),
                WithAscii(Draw(600, () => faker.Name.LastName()), '-', 20),
                WithAscii(Draw(3000, () => faker.Company.CompanyName()), '-', 24),
                Draw(1000, () => faker.Address.StreetAddress()),
                Enumerable.Range(0, 300).Select(_ => (faker.Address.City(), faker.Address.ZipCode())).DistinctBy(x => x.Item1).ToArray());
        }).ToArray();

#pragma warning disable CA5394 // synthetic data, see Generate
    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
#pragma warning restore CA5394

    /// <summary>
    /// Lower-case ASCII for e-mail addresses and domains: transliterated (Cyrillic, å, ß…), spaces turned into the
    /// separator, other characters dropped.
    /// </summary>
    private static string Ascii(string text, string locale, char separator, int max)
    {
        var latin = text.Transliterate(locale.Split('_')[0]).ToLowerInvariant();
        var chars = latin.Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-')
            .Select(c => c is ' ' or '-' ? separator : c).ToArray();
        var ascii = new string(chars);
        while (ascii.Contains($"{separator}{separator}", StringComparison.Ordinal))
        {
            ascii = ascii.Replace($"{separator}{separator}", $"{separator}", StringComparison.Ordinal);
        }
        ascii = ascii.Trim(separator);
        return ascii.Length > max ? ascii[..max].TrimEnd(separator) : ascii;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max].TrimEnd();
}
