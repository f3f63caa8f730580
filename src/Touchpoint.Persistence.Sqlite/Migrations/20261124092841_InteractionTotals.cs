using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InteractionTotals",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoOfInteractions = table.Column<long>(type: "INTEGER", nullable: false),
                    CostLcyHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMinHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignTargets = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignResponses = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTotals", x => new { x.Key, x.Code, x.Date });
                });

            // A database that already has a log gets its totals from it: the entries that count (neither canceled nor
            // postponed), per template (1), group (2), salesperson (3) and campaign (4) and day.
            foreach (var (key, column) in new[] { (1, "InteractionTemplateCode"), (2, "InteractionGroupCode"), (3, "SalespersonCode"), (4, "CampaignNo") })
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "InteractionTotals" ("Key", "Code", "Date", "NoOfInteractions", "CostLcyHundredths",
                        "DurationMinHundredths", "CampaignTargets", "CampaignResponses")
                    SELECT {key}, "{column}", "Date", COUNT(*), SUM(CAST(ROUND(CAST("CostLcy" AS REAL) * 100) AS INTEGER)), SUM(CAST(ROUND(CAST("DurationMin" AS REAL) * 100) AS INTEGER)),
                        SUM(CASE WHEN "CampaignTarget" THEN 1 ELSE 0 END), SUM(CASE WHEN "CampaignResponse" THEN 1 ELSE 0 END)
                    FROM "InteractionLogEntries"
                    WHERE NOT "Canceled" AND NOT "Postponed" AND "{column}" IS NOT NULL
                    GROUP BY "{column}", "Date"
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InteractionTotals");
        }
    }
}
