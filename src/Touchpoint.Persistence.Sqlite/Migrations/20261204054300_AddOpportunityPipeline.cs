using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddOpportunityPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChancesOfSuccessPct",
                table: "Opportunities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateClosed",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EstimatedClosingDate",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedValueLcy",
                table: "Opportunities",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "SalesCycleStage",
                table: "Opportunities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Opportunities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OpportunityEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpportunityNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DateOfChange = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SalesCycleStage = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedValueLcy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ChancesOfSuccessPct = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedClosingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityEntries_OpportunityNo_EntryNo",
                table: "OpportunityEntries",
                columns: new[] { "OpportunityNo", "EntryNo" });

            // Opportunities closed before statuses existed were closed without saying how: Lost, as "closed" alone
            // closes one now (rule 68). Their history starts with their next change.
            migrationBuilder.Sql("UPDATE \"Opportunities\" SET \"Status\" = 3 WHERE \"Closed\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpportunityEntries");

            migrationBuilder.DropColumn(
                name: "ChancesOfSuccessPct",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "DateClosed",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "EstimatedClosingDate",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "EstimatedValueLcy",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "SalesCycleStage",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Opportunities");
        }
    }
}
