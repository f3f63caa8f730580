using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SparseLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_AttachmentNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignNo_Canceled_Postponed_Date",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentEntryNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_OpportunityNo",
                table: "InteractionLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_AttachmentNo",
                table: "InteractionLogEntries",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries",
                column: "CampaignEntryNo",
                filter: "\"CampaignEntryNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignNo_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "CampaignNo", "Canceled", "Postponed", "Date" },
                filter: "\"CampaignNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentEntryNo",
                table: "InteractionLogEntries",
                column: "LoggedSegmentEntryNo",
                filter: "\"LoggedSegmentEntryNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_OpportunityNo",
                table: "InteractionLogEntries",
                column: "OpportunityNo",
                filter: "\"OpportunityNo\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_AttachmentNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_CampaignNo_Canceled_Postponed_Date",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentEntryNo",
                table: "InteractionLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_OpportunityNo",
                table: "InteractionLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_AttachmentNo",
                table: "InteractionLogEntries",
                column: "AttachmentNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo",
                table: "InteractionLogEntries",
                column: "CampaignEntryNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignNo_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "CampaignNo", "Canceled", "Postponed", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentEntryNo",
                table: "InteractionLogEntries",
                column: "LoggedSegmentEntryNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_OpportunityNo",
                table: "InteractionLogEntries",
                column: "OpportunityNo");
        }
    }
}
