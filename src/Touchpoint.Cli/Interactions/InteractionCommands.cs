using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Interactions;

/// <summary><c>touchpoint interactions …</c>: batch jobs on the interaction log.</summary>
internal static class InteractionCommands
{
    public static Command Create()
    {
        var contact = new Option<string?>("--contact") { Description = "Only entries of this contact no." };
        var from = new Option<DateOnly?>("--from") { Description = "Only entries dated on or after this date (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Only entries dated on or before this date (yyyy-MM-dd)." };
        var campaign = new Option<string?>("--campaign") { Description = "Only entries of this campaign no." };
        var group = new Option<string?>("--group") { Description = "Only entries of this interaction group code." };
        var template = new Option<string?>("--template") { Description = "Only entries of this interaction template code." };
        var salesperson = new Option<string?>("--salesperson") { Description = "Only entries of this salesperson code." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count the entries that would be deleted." };
        var deleteCanceled = new Command("delete-canceled",
            "BC's \"Delete Interaction Log Entries\": deletes canceled entries (only canceled ones) with their comments and the " +
            "attachments nothing else uses.")
        {
            contact, from, to, campaign, group, template, salesperson, dryRun,
        };
        deleteCanceled.SetAction((parse, ct) => CliHost.RunAsync(async (services, token) =>
        {
            Console.WriteLine($"Database: {CliHost.Target(services.GetRequiredService<DatabaseSettings>())}");
            await CliHost.RequireMigratedAsync(services.GetRequiredService<TouchpointDbContext>(), token);
            var filter = new DeleteCanceledFilter
            {
                ContactNo = parse.GetValue(contact), DateFrom = parse.GetValue(from), DateTo = parse.GetValue(to),
                CampaignNo = parse.GetValue(campaign), InteractionGroupCode = parse.GetValue(group),
                InteractionTemplateCode = parse.GetValue(template), SalespersonCode = parse.GetValue(salesperson),
            };
            var job = services.GetRequiredService<DeleteCanceledInteractions>();
            if (parse.GetValue(dryRun))
            {
                var count = await job.CountAsync(filter, token);
                Console.WriteLine(string.Create(CultureInfo.CurrentCulture, $"{count:N0} canceled interaction log entries would be deleted."));
                return;
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            var deleted = await job.HandleAsync(filter, Documents.DocumentCommands.UserId, token);
            Console.WriteLine(string.Create(CultureInfo.CurrentCulture,
                $"{deleted:N0} canceled interaction log entries have been deleted in {started.Elapsed.TotalSeconds:N2} s."));
        }, ct));
        return new Command("interactions", "Batch jobs on the interaction log.") { deleteCanceled };
    }
}
