using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Demo;

/// <summary>
/// Fills the interaction log with synthetic entries spread over every contact in the database (privacy-blocked ones
/// excepted: the app logs nothing for them), made from the database's own interaction templates as the Create
/// Interaction wizard would: the template's group, description, cost, duration, information flow, initiated by,
/// correspondence type and language; the contact's salesperson (else any); dates over the last three years on
/// weekdays, times in office hours; about 3 % canceled (--canceled), 1 % postponed, 5 % failed attempts, evaluations mixed. Every
/// entry is made by <see cref="InteractionLogEntry.From"/> and written through the provider's bulk path as the contacts
/// are read, so neither the contacts nor the entries are ever held in memory. No campaign entries are made, so the
/// generated entries carry no campaign.
/// </summary>
internal sealed class GenerateInteractions(
    TouchpointDbContext db,
    IDatabaseProvider provider,
    DatabaseSettings database,
    TimeProvider clock)
{
    public const string UserId = "generator";
    public const int DefaultCanceledPercent = 3;
    private const int Years = 3;

    // The evaluation of a finished entry, by weight: most are not evaluated, the others lean positive.
    private static readonly (Evaluation Evaluation, int Weight)[] Evaluations =
    [
        (Evaluation.None, 50), (Evaluation.VeryPositive, 6), (Evaluation.Positive, 16), (Evaluation.Neutral, 14),
        (Evaluation.Negative, 10), (Evaluation.VeryNegative, 4),
    ];

    public async Task HandleAsync(int count, int seed, int canceledPercent, bool afterContacts, TextWriter output, CancellationToken ct)
    {
        if (!afterContacts)
        {
            await output.WriteLineAsync($"Database: {CliHost.Target(database)}");
            await CliHost.RequireMigratedAsync(db, ct);
        }
        var templates = await db.InteractionTemplates.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        if (templates.Count == 0)
        {
            throw NoTemplates();
        }
        var salespeople = await db.Salespeople.AsNoTracking().Where(s => !s.Blocked).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        var contacts = db.Contacts.AsNoTracking().Where(c => !c.PrivacyBlocked);
        var contactCount = await contacts.LongCountAsync(ct);
        if (contactCount == 0)
        {
            throw new InvalidOperationException("The database has no contacts to log entries for. Add some with --contacts N.");
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generating {count:N0} interaction log entries for {contactCount:N0} contacts (about {(double)count / contactCount:N1} each) with {templates.Count} templates."));

        // The contacts are read once, in number order, as a stream beside the writer's own connection.
        var stream = contacts.OrderBy(c => c.No).Select(c => new ContactRow(c.No, c.CompanyNo, c.SalespersonCode)).AsEnumerable();
        var now = clock.GetUtcNow();
        var progress = new ProgressReport(output, count, "entries");
        var entries = progress.Track(Generate(stream, contactCount, count, canceledPercent, templates, salespeople, seed, now, clock.LocalTimeZone));
        await provider.BulkInsertInteractionLogEntriesAsync(database.ConnectionString, entries, ct);
        progress.Done();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Added {progress.Written:N0} interaction log entries in {progress.Elapsed.TotalSeconds:F2} s: {progress.Rate:N0} rows/s."));
    }

    /// <summary>Before any contact is added: entries need the database's interaction templates.</summary>
    public async Task RequireTemplatesAsync(CancellationToken ct)
    {
        await CliHost.RequireMigratedAsync(db, ct);
        if (!await db.InteractionTemplates.AnyAsync(ct))
        {
            throw NoTemplates();
        }
    }

    private static InvalidOperationException NoTemplates() => new(
        "The database has no interaction templates to log entries with. Run `touchpoint demo seed` first (on an empty database), or add templates in Setup → Interaction Templates.");

    private sealed record ContactRow(string No, string? CompanyNo, string? SalespersonCode);

    private static IEnumerable<InteractionLogEntry> Generate(IEnumerable<ContactRow> contacts, long contactCount, long count, int canceledPercent,
        List<InteractionTemplate> templates, List<string> salespeople, int seed, DateTimeOffset now, TimeZoneInfo zone)
    {
        // Synthetic data: a plain seeded Random, as for the contacts.
#pragma warning disable CA5394
        var random = new Random(seed + 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = today.DayNumber - today.AddYears(-Years).DayNumber;
        var evaluationTotal = Evaluations.Sum(e => e.Weight);
        long i = 0;
        foreach (var contact in contacts)
        {
            // The i-th contact takes its share of the total, so the counts add up to it exactly.
            var share = i < contactCount ? (i + 1) * count / contactCount - i * count / contactCount : 0;
            i++;
            for (var n = 0; n < share; n++)
            {
                var template = templates[random.Next(templates.Count)];
                var date = today.AddDays(-random.Next(days + 1));
                date = date.DayOfWeek switch
                {
                    DayOfWeek.Saturday => date.AddDays(-1),
                    DayOfWeek.Sunday => date.AddDays(-2),
                    _ => date,
                };
                var time = new TimeOnly(8, 0).AddMinutes(random.Next(10 * 60));
                var roll = random.Next(100);
                var postponed = roll == 0;
                var canceled = roll >= 1 && roll <= canceledPercent;
                var evaluation = Evaluation.None;
                if (!postponed)
                {
                    var pick = random.Next(evaluationTotal);
                    foreach (var (value, weight) in Evaluations)
                    {
                        if ((pick -= weight) < 0)
                        {
                            evaluation = value;
                            break;
                        }
                    }
                }
                var description = template.Description.Length <= InteractionLogEntry.DescriptionLength
                    ? template.Description
                    : template.Description[..InteractionLogEntry.DescriptionLength];
                var entry = InteractionLogEntry.From(new InteractionLine
                {
                    ContactNo = contact.No,
                    ContactCompanyNo = contact.CompanyNo,
                    InteractionTemplateCode = template.Code,
                    InteractionGroupCode = template.InteractionGroupCode,
                    SalespersonCode = contact.SalespersonCode ?? (salespeople.Count == 0 ? null : salespeople[random.Next(salespeople.Count)]),
                    Date = date,
                    TimeOfInteraction = time,
                    Description = description,
                    Subject = description,
                    InformationFlow = template.InformationFlow,
                    InitiatedBy = template.InitiatedBy,
                    CostLcy = decimal.Round(template.UnitCostLcy, 2),
                    DurationMin = decimal.Round(template.UnitDurationMin, 0),
                    CorrespondenceType = template.CorrespondenceTypeDefault,
                    LanguageCode = template.LanguageCodeDefault,
                    Evaluation = evaluation,
                    AttemptFailed = random.Next(100) < 5,
                }, UserId, postponed, campaignEntryNo: null);
                if (canceled)
                {
                    // Canceled a little after it was logged, never in the future.
                    var logged = date.ToDateTime(time);
                    var at = new DateTimeOffset(logged, zone.GetUtcOffset(logged)).AddMinutes(random.Next(10, 3 * 24 * 60));
                    entry.Cancel(UserId, at < now ? at : now);
                }
                yield return entry;
            }
        }
#pragma warning restore CA5394
    }
}
