using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.PostgreSql.Migrations
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
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    NoOfInteractions = table.Column<long>(type: "bigint", nullable: false),
                    CostLcyHundredths = table.Column<long>(type: "bigint", nullable: false),
                    DurationMinHundredths = table.Column<long>(type: "bigint", nullable: false),
                    CampaignTargets = table.Column<long>(type: "bigint", nullable: false),
                    CampaignResponses = table.Column<long>(type: "bigint", nullable: false)
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
                    SELECT {key}, "{column}", "Date", COUNT(*), SUM(ROUND("CostLcy" * 100)::bigint), SUM(ROUND("DurationMin" * 100)::bigint),
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
