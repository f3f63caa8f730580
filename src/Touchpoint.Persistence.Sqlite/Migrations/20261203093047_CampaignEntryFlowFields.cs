using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignEntryFlowFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CampaignEntries_CampaignNo_Date_DocumentType",
                table: "CampaignEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo_Canceled_Postponed_CostLcy_DurationMin",
                table: "InteractionLogEntries",
                columns: new[] { "CampaignEntryNo", "Canceled", "Postponed", "CostLcy", "DurationMin" },
                filter: "\"CampaignEntryNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_CampaignNo_EntryNo",
                table: "CampaignEntries",
                columns: new[] { "CampaignNo", "EntryNo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo_Canceled_Postponed_CostLcy_DurationMin",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_CampaignEntries_CampaignNo_EntryNo",
                table: "CampaignEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries",
                column: "CampaignEntryNo",
                filter: "\"CampaignEntryNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_CampaignNo_Date_DocumentType",
                table: "CampaignEntries",
                columns: new[] { "CampaignNo", "Date", "DocumentType" });
        }
    }
}
