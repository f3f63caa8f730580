using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// The bulk writers name the columns of the interaction log by hand and bind dates, times and decimals themselves: an
/// entry they write must read back exactly like one logged through the API, be stored in the same form, and count in
/// the statistics like it.
/// </summary>
public sealed class BulkEntryWriterTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string BulkUser = "bulk-writer";

    [Theory, SqliteData, PostgresData]
    public async Task A_bulk_written_entry_reads_back_like_one_logged_through_the_api_and_counts_in_the_statistics(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var client = await app.ClientAsync(Roles.Sales);
        var salesperson = Unique.Code("S");
        await (await admin.PostAsync("/api/v1/salespeople", new { code = salesperson, name = "Bea Bulk" })).JsonAsync(HttpStatusCode.Created);
        var company = (await (await client.PostAsync("/api/v1/contacts", new { name = "Bulk Log Co" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var person = (await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Bo Bulk", companyNo = company })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var group = Unique.Code("G")[..8];
        await (await admin.PostAsync("/api/v1/interactionGroups", new { code = group, description = "Meeting" })).JsonAsync(HttpStatusCode.Created);
        var template = Unique.Code("T")[..9];
        await (await admin.PostAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = group, description = "Visit on site", unitCostLcy = 45.5m, unitDurationMin = 180,
            informationFlow = "inbound", initiatedBy = "them",
        })).JsonAsync(HttpStatusCode.Created);

        // A time with seconds, a cost with cents and a whole duration: the values whose stored form could differ.
        var viaApi = await (await client.PostAsync("/api/v1/interactions", new
        {
            contactNo = person, interactionTemplateCode = template, salespersonCode = salesperson, description = "Looked at the new chairs",
            costLcy = 12.34m, durationMin = 42, date = "2025-03-04", timeOfInteraction = "09:30:15", evaluation = "positive",
            attemptFailed = true, correspondenceType = "hardCopy",
        })).JsonAsync(HttpStatusCode.Created);

        // The same line, made from what the API logged, through InteractionLogEntry.From and the bulk writer.
        var line = new InteractionLine
        {
            ContactNo = viaApi.Str("contactNo"),
            ContactCompanyNo = viaApi.Str("contactCompanyNo"),
            InteractionTemplateCode = viaApi.Str("interactionTemplateCode"),
            InteractionGroupCode = viaApi.Str("interactionGroupCode"),
            SalespersonCode = viaApi.Str("salespersonCode"),
            Date = DateOnly.Parse(viaApi.Str("date"), CultureInfo.InvariantCulture),
            TimeOfInteraction = TimeOnly.Parse(viaApi.Str("timeOfInteraction"), CultureInfo.InvariantCulture),
            Description = viaApi.Str("description"),
            Subject = viaApi.Str("description"),
            InformationFlow = Enum.Parse<InformationFlow>(viaApi.Str("informationFlow"), ignoreCase: true),
            InitiatedBy = Enum.Parse<InitiatedBy>(viaApi.Str("initiatedBy"), ignoreCase: true),
            CostLcy = viaApi.GetProperty("costLcy").GetDecimal(),
            DurationMin = viaApi.GetProperty("durationMin").GetDecimal(),
            CorrespondenceType = Enum.Parse<CorrespondenceType>(viaApi.Str("correspondenceType"), ignoreCase: true),
            LanguageCode = viaApi.Str("interactionLanguageCode"),
            Evaluation = Enum.Parse<Evaluation>(viaApi.Str("evaluation"), ignoreCase: true),
            AttemptFailed = viaApi.GetProperty("attemptFailed").GetBoolean(),
        };
        var canceled = InteractionLogEntry.From(line, BulkUser, postponed: false, campaignEntryNo: null);
        canceled.Cancel(BulkUser, new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.FromHours(1)));
        var (bulkNo, canceledNo) = await app.WithScopeAsync(async sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            await sp.GetRequiredService<IDatabaseProvider>().BulkInsertInteractionLogEntriesAsync(settings.ConnectionString,
                [InteractionLogEntry.From(line, BulkUser, postponed: false, campaignEntryNo: null), canceled]);
            var numbers = await sp.GetRequiredService<TouchpointDbContext>().InteractionLogEntries
                .Where(e => e.ContactNo == person && e.UserId == BulkUser).OrderBy(e => e.EntryNo).Select(e => e.EntryNo).ToListAsync();
            Assert.Equal(2, numbers.Count);
            return (numbers[0], numbers[1]);
        });

        var viaBulk = await (await client.GetAsync($"/api/v1/interactionLogEntries/{bulkNo}")).JsonAsync(HttpStatusCode.OK);
        var apiNo = viaApi.GetProperty("entryNo").GetInt64();
        var viaApiRead = await (await client.GetAsync($"/api/v1/interactionLogEntries/{apiNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(bulkNo > apiNo, "the database numbers bulk entries after the ones there");
        foreach (var property in viaApiRead.EnumerateObject().Where(p => p.Name is not "entryNo" and not "userId" and not "title"))
        {
            Assert.True(viaBulk.TryGetProperty(property.Name, out var value), property.Name);
            Assert.Equal(property.Value.ToString(), value.ToString());
        }
        Assert.Equal(viaApiRead.EnumerateObject().Count(), viaBulk.EnumerateObject().Count());
        Assert.Equal(BulkUser, viaBulk.Str("userId"));

        // Stored in the same form too, so that sorting and comparing in SQL treat both alike.
        var stored = await app.WithScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<TouchpointDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """SELECT CAST("Date" AS TEXT), CAST("TimeOfInteraction" AS TEXT), CAST("CostLcy" AS TEXT), CAST("DurationMin" AS TEXT), CAST("Canceled" AS TEXT), CAST("AttemptFailed" AS TEXT) """ +
                $"""FROM "InteractionLogEntries" WHERE "EntryNo" IN ({apiNo}, {bulkNo}) ORDER BY "EntryNo" """;
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
            }
            return rows;
        });
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);

        var bulkCanceled = await (await client.GetAsync($"/api/v1/interactionLogEntries/{canceledNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(bulkCanceled.GetProperty("canceled").GetBoolean());

        // Counted like the API's entry; the canceled one is not.
        foreach (var contact in new[] { person, company })
        {
            var stats = await (await client.GetAsync($"/api/v1/contacts/{contact}/statistics")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, stats.GetProperty("noOfInteractions").GetInt32());
            Assert.Equal(24.68m, stats.GetProperty("costLcy").GetDecimal());
            Assert.Equal(84m, stats.GetProperty("durationMin").GetDecimal());
        }
        var onlyMarch = await (await client.GetAsync($"/api/v1/contacts/{person}/statistics?dateFrom=2025-03-04&dateTo=2025-03-04")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, onlyMarch.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(JsonValueKind.Object, onlyMarch.ValueKind);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bulk_written_idempotency_record_is_stored_and_read_back_like_one_saved_by_ef(string provider)
    {
        var app = apps.For(provider);
        // In UTC, as the app makes them (PostgreSQL keeps no other offset).
        var createdAt = new DateTimeOffset(2025, 3, 4, 9, 30, 15, 123, TimeSpan.Zero);
        var (saved, bulk) = (Unique.Code("K"), Unique.Code("K"));
        IdempotencyRecord Record(string key, long? entryNo, string? reason)
        {
            var record = new IdempotencyRecord(new IdempotencyKey(key, "documentEvents", new string('a', IdempotencyRecord.RequestHashLength)), createdAt);
            record.Answer(new LogAnswer(entryNo, reason));
            return record;
        }
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            db.IdempotencyRecords.Add(Record(saved, 42, null));
            db.IdempotencyRecords.Add(Record(saved + "N", null, "noContact"));
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IIdempotencyRecordBulkWriter>().WriteAsync(db, [Record(bulk, 42, null), Record(bulk + "N", null, "noContact")], default);
            await transaction.CommitAsync();
            return 0;
        });

        var stored = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TouchpointDbContext>();
            var read = await db.IdempotencyRecords.AsNoTracking().Where(r => r.Key.StartsWith(saved) || r.Key.StartsWith(bulk)).ToListAsync();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Key", CAST("CreatedAt" AS TEXT), CAST("EntryNo" AS TEXT), "Reason", "Scope", "RequestHash" FROM "IdempotencyRecords" """ +
                $"""WHERE "Key" IN ('{saved}', '{saved}N', '{bulk}', '{bulk}N')""";
            var rows = new Dictionary<string, string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = string.Join("|", Enumerable.Range(1, reader.FieldCount - 1).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i)));
            }
            return (Read: read, Rows: rows);
        });
        Assert.Equal(4, stored.Rows.Count);
        Assert.Equal(stored.Rows[saved], stored.Rows[bulk]);
        Assert.Equal(stored.Rows[saved + "N"], stored.Rows[bulk + "N"]);
        Assert.Equal(4, stored.Read.Count);
        Assert.All(stored.Read, r => Assert.Equal(createdAt, r.CreatedAt));
        Assert.Equal(42, stored.Read.Single(r => r.Key == bulk).EntryNo);
        Assert.Equal("noContact", stored.Read.Single(r => r.Key == bulk + "N").Reason);
    }
}
