using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Touchpoint.Persistence.PostgreSql.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateClosed",
                table: "Opportunities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EstimatedClosingDate",
                table: "Opportunities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedValueLcy",
                table: "Opportunities",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "SalesCycleStage",
                table: "Opportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Opportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OpportunityEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpportunityNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DateOfChange = table.Column<DateOnly>(type: "date", nullable: false),
                    SalesCycleStage = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EstimatedValueLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ChancesOfSuccessPct = table.Column<int>(type: "integer", nullable: false),
                    EstimatedClosingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UserId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
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
