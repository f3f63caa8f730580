using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Common;
using Touchpoint.Core.Documents;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Documents;

/// <summary>
/// <c>touchpoint documents …</c>: automatic recording from documents (rules 51–56) for an ERP that can run a command
/// or write a file but has no HTTP client: the same use cases as POST /documentEvents.
/// </summary>
internal static class DocumentCommands
{
    /// <summary>The User ID of what these commands log, as the API logs with the signed-in user's.</summary>
    public const string UserId = "cli";

    /// <summary>Exit code when the command ran but something was not logged (no template, no contact, bad lines).</summary>
    public const int NotLogged = 2;

    private const int ProblemsShown = 100;

    public static Command Create() => new("documents", "Automatic recording from documents: interaction log entries for printed or sent documents.")
    {
        LogCommand(),
        ImportCommand(),
    };

    private static Command LogCommand()
    {
        var type = new Option<string>("--type")
        {
            Description = "The document type, as the API names it: salesInvoice, salesQuote, purchaseOrder, coverSheet…", Required = true,
        };
        var no = new Option<string?>("--no") { Description = "The document no., e.g. SI-1001." };
        var version = new Option<int?>("--version") { Description = "The version no. (archived quotes and orders)." };
        var occurrence = new Option<int?>("--occurrence") { Description = "The doc. no. occurrence (a number used again)." };
        var customer = new Option<string?>("--customer") { Description = "The customer no.: logged for the contact of its business relation." };
        var vendor = new Option<string?>("--vendor") { Description = "The vendor no.: logged for the contact of its business relation." };
        var contact = new Option<string?>("--contact") { Description = "The contact no. (instead of --customer or --vendor)." };
        var salesperson = new Option<string?>("--salesperson") { Description = "The salesperson code; else the contact's." };
        var description = new Option<string?>("--description") { Description = "The entry's description; else the template's." };
        var campaign = new Option<string?>("--campaign") { Description = "The campaign no.; else the template's." };
        var date = new Option<string?>("--date") { Description = "The date (yyyy-MM-dd); else today." };
        var time = new Option<string?>("--time") { Description = "The time (HH:mm or HH:mm:ss); else now." };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Logs at most once per key, shared with POST /documentEvents' Idempotency-Key and the import's idempotencyKey column.",
        };
        var log = new Command("log",
            "Logs one document event as POST /documentEvents does: the template from the interaction template setup, the contact " +
            "from the business relation. Exit code 0 when logged, 2 when not logged (the reason is printed), 1 when the input is not valid.")
        {
            type, no, version, occurrence, customer, vendor, contact, salesperson, description, campaign, date, time, key,
        };
        log.SetAction(async (parse, ct) =>
        {
            var exitCode = 0;
            var ran = await CliHost.RunAsync(async (services, token) =>
            {
                await CliHost.RequireMigratedAsync(services.GetRequiredService<TouchpointDbContext>(), token);
                var errors = new List<(string Field, string Message)>();
                var e = new DocumentEvent
                {
                    DocumentType = DocumentEventText.TryParseDocumentType(parse.GetValue(type)!, out var t) ? t : null,
                    DocumentNo = parse.GetValue(no),
                    VersionNo = parse.GetValue(version),
                    DocNoOccurrence = parse.GetValue(occurrence),
                    CustomerNo = parse.GetValue(customer),
                    VendorNo = parse.GetValue(vendor),
                    ContactNo = parse.GetValue(contact),
                    SalespersonCode = parse.GetValue(salesperson),
                    Description = parse.GetValue(description),
                    CampaignNo = parse.GetValue(campaign),
                    Date = parse.GetValue(date) is { } d ? (DocumentEventText.TryParseDate(d, out var day) ? day : Invalid<DateOnly>(errors, "date", Messages.Get("ImportNotDate", d))) : null,
                    TimeOfInteraction = parse.GetValue(time) is { } h ? (DocumentEventText.TryParseTime(h, out var at) ? at : Invalid<TimeOnly>(errors, "timeOfInteraction", Messages.Get("ImportNotTime", h))) : null,
                };
                if (errors.Count > 0)
                {
                    exitCode = PrintInvalid(errors);
                    return;
                }
                try
                {
                    var answer = await services.GetRequiredService<LogDocument>().HandleAsync(e, UserId, parse.GetValue(key), token);
                    if (answer.Logged)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Logged as interaction log entry {answer.EntryNo}."));
                        return;
                    }
                    var (_, why) = DocumentEventText.Reason(e, answer.Reason!);
                    Console.WriteLine($"Not logged: {why}");
                    exitCode = NotLogged;
                }
                catch (DomainException refused) when (refused.Kind == DomainErrorKind.Invalid)
                {
                    exitCode = PrintInvalid(refused.Errors.Count == 0
                        ? [("", refused.Message)]
                        : refused.Errors.SelectMany(f => f.Value.Select(m => (f.Key, m))).ToList());
                }
            }, ct);
            return ran != 0 ? ran : exitCode;
        });
        return log;
    }

    private static T? Invalid<T>(List<(string, string)> errors, string field, string message)
        where T : struct
    {
        errors.Add((field, message));
        return null;
    }

    private static int PrintInvalid(IReadOnlyList<(string Field, string Message)> errors)
    {
        Console.Error.WriteLine("touchpoint: the document event is not valid:");
        foreach (var (field, message) in errors)
        {
            Console.Error.WriteLine(field.Length == 0 ? $"  {message}" : $"  {field}: {message}");
        }
        return 1;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A CSV file (UTF-8, comma-separated, RFC 4180 quotes) whose first line names its columns: " +
                string.Join(", ", ImportDocumentEvents.Columns) + ".",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and resolve every line and report, but write nothing." };
        var import = new Command("import",
            "Logs every line of a CSV file of document events as POST /documentEvents would, in one transaction. Bad lines are " +
            "reported with their line numbers and the others are logged. A line whose idempotencyKey (else a hash of its values) " +
            "was used before is skipped, so importing a file again logs nothing twice. Exit code 0 when every line was logged or " +
            "already imported, 2 when some lines were not, 1 when the file cannot be read.")
        {
            file, dryRun,
        };
        import.SetAction(async (parse, ct) =>
        {
            var exitCode = 0;
            var ran = await CliHost.RunAsync(async (services, token) =>
            {
                Console.WriteLine($"Database: {CliHost.Target(services.GetRequiredService<DatabaseSettings>())}");
                await CliHost.RequireMigratedAsync(services.GetRequiredService<TouchpointDbContext>(), token);
                var path = parse.GetValue(file)!.FullName;
                var dry = parse.GetValue(dryRun);
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var watch = Stopwatch.StartNew();
                var result = await services.GetRequiredService<ImportDocumentEvents>()
                    .HandleAsync(stream, UserId, dry, new ImportProgress(watch), token);
                watch.Stop();
                Console.WriteLine(string.Create(CultureInfo.CurrentCulture,
                    $"{(dry ? "Dry run, nothing written: " : "")}{result.Logged:N0} {(dry ? "would be logged" : "logged")}, " +
                    $"{result.AlreadyImported:N0} already imported, {result.NotLogged:N0} not logged (bad lines)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Lines:N0} lines in {watch.Elapsed.TotalSeconds:F3} s ({result.Lines / Math.Max(watch.Elapsed.TotalSeconds, 1e-9):N0} lines/s)."));
                foreach (var problem in result.Problems.Take(ProblemsShown))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"line {problem.LineNo}: {(problem.Field is null ? "" : problem.Field + ": ")}{problem.Message}"));
                }
                if (result.Problems.Count > ProblemsShown)
                {
                    Console.WriteLine(string.Create(CultureInfo.CurrentCulture, $"… and {result.Problems.Count - ProblemsShown:N0} more problems."));
                }
                exitCode = result.NotLogged > 0 ? NotLogged : 0;
            }, ct);
            return ran != 0 ? ran : exitCode;
        });
        return import;
    }

    /// <summary>
    /// The import's progress on one line, by the share of the file read (rewritten in a terminal, one line per batch when
    /// redirected): the use case reports after each batch of lines.
    /// </summary>
    private sealed class ImportProgress(Stopwatch watch) : IProgress<DocumentImportProgress>
    {
        public void Report(DocumentImportProgress value)
        {
            var share = value.TotalBytes > 0 ? $" ({100.0 * value.BytesRead / value.TotalBytes,5:F1} % of the file)" : "";
            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {value.Lines,12:N0} lines{share}, {value.Lines / Math.Max(watch.Elapsed.TotalSeconds, 1e-9),10:N0} lines/s");
            if (Console.IsOutputRedirected)
            {
                Console.WriteLine(line);
            }
            else
            {
                Console.Write($"\r{line}");
                if (value.TotalBytes > 0 && value.BytesRead >= value.TotalBytes)
                {
                    Console.WriteLine();
                }
            }
        }
    }
}
