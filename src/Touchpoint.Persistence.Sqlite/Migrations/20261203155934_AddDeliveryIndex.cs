using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDeliveryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_Delivery",
                table: "InteractionLogEntries",
                columns: new[] { "DeliveryStatus", "Postponed", "Date", "TimeOfInteraction", "EntryNo" },
                filter: "\"DeliveryStatus\" <> 0 OR \"DeliveredAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InteractionLogEntries_Delivery",
                table: "InteractionLogEntries");
        }
    }
}
