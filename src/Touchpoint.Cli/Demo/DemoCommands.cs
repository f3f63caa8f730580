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
            Description = "How many contacts to add: per thousand one company with 50 persons, then companies with three persons each. " +
                "0 adds none (to add only interaction log entries to the contacts there are).",
            Required = true,
        };
        contacts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--contacts must be 0 or more.");
            }
        });
        var entries = new Option<int>("--entries", "-e")
        {
            Description = "How many interaction log entries to add after the contacts, spread over all contacts in the database, " +
                "made from its interaction templates (run `touchpoint demo seed` first).",
            DefaultValueFactory = _ => 0,
        };
        entries.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--entries must be 0 or more.");
            }
        });
        var canceled = new Option<int>("--canceled")
        {
            Description = "The share of the generated entries that are canceled, in percent (1 % more are postponed).",
            DefaultValueFactory = _ => GenerateInteractions.DefaultCanceledPercent,
        };
        canceled.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 99)
            {
                r.AddError("--canceled must be a percentage from 0 to 99.");
            }
        });
        var randomSeed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed on the same database gives the same contacts and entries.",
            DefaultValueFactory = _ => GenerateContacts.DefaultSeed,
        };
        var generate = new Command("generate",
            "Adds synthetic contacts, numbered after the contacts already there (the CONTACT number series moves past them), " +
            "then synthetic interaction log entries, both through the bulk path (SQLite: one prepared INSERT in one " +
            "transaction; PostgreSQL: binary COPY).")
        {
            contacts,
            entries,
            canceled,
            randomSeed,
        };
        generate.Validators.Add(r =>
        {
            if (r.GetValue(contacts) == 0 && r.GetValue(entries) == 0)
            {
                r.AddError("Nothing to add: give --contacts 1 or more, or --entries 1 or more.");
            }
        });
        generate.SetAction((parse, ct) => CliHost.RunAsync(
            async (services, token) =>
            {
                var contactCount = parse.GetValue(contacts);
                var entryCount = parse.GetValue(entries);
                var seed = parse.GetValue(randomSeed);
                if (contactCount > 0 && entryCount > 0)
                {
                    // Fail before adding contacts, not after.
                    await services.GetRequiredService<GenerateInteractions>().RequireTemplatesAsync(token);
                }
                if (contactCount > 0)
                {
                    await services.GetRequiredService<GenerateContacts>().HandleAsync(contactCount, seed, Console.Out, token);
                }
                if (entryCount > 0)
                {
                    await services.GetRequiredService<GenerateInteractions>()
                        .HandleAsync(entryCount, seed, parse.GetValue(canceled), afterContacts: contactCount > 0, Console.Out, token);
                }
            },
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
            ? $"Added the demo company: {SeedDemoCompany.Companies * (1 + SeedDemoCompany.PersonsPerCompany)} contacts, their setup and a year of interactions."
            : "The database already has contacts, so no demo data was added (the demo company is only added to an empty database).");
    }
}
