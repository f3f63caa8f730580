using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Demo;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Demo;

/// <summary><c>touchpoint demo …</c>: data to show, try and measure Touchpoint with.</summary>
internal static class DemoCommands
{
    public static Command Create()
    {
        var seed = new Command("seed",
            $"Adds the demo company ({SeedDemoCompany.Companies} companies with {SeedDemoCompany.PersonsPerCompany} persons each, " +
            "salespeople, campaigns, opportunities, interaction templates) to an empty database, as the web app does in Development.");
        seed.SetAction((_, ct) => CliHost.RunAsync(SeedAsync, ct));

        var contacts = new Option<int>("--contacts", "-n")
        {
            Description = "How many contacts to add: one company per four contacts, the rest persons of those companies.",
            Required = true,
        };
        contacts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--contacts must be 1 or more.");
            }
        });
        var randomSeed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed on the same database gives the same contacts.",
            DefaultValueFactory = _ => GenerateContacts.DefaultSeed,
        };
        var generate = new Command("generate",
            "Adds synthetic contacts through the bulk path (SQLite: one prepared INSERT in one transaction; PostgreSQL: " +
            "binary COPY), numbered after the contacts already there, and moves the CONTACT number series past them.")
        {
            contacts,
            randomSeed,
        };
        generate.SetAction((parse, ct) => CliHost.RunAsync(
            (services, token) => services.GetRequiredService<GenerateContacts>()
                .HandleAsync(parse.GetValue(contacts), parse.GetValue(randomSeed), Console.Out, token),
            ct));

        return new Command("demo", "Demo and synthetic data.") { seed, generate };
    }

    private static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TouchpointDbContext>();
        Console.WriteLine($"Database: {CliHost.Target(services.GetRequiredService<DatabaseSettings>())}");
        await CliHost.RequireMigratedAsync(db, ct);
        var added = await services.GetRequiredService<SeedDemoCompany>().HandleAsync(ct);
        Console.WriteLine(added
            ? $"Added the demo company: {SeedDemoCompany.Companies * (1 + SeedDemoCompany.PersonsPerCompany)} contacts and their setup."
            : "The database already has contacts, so no demo data was added (the demo company is only added to an empty database).");
    }
}
