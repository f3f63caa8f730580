using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDeliverySorter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                table: "InteractionLogEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "InteractionLogEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeliverySorter",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrespondenceType = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SendWordDocsAsAttmt = table.Column<bool>(type: "INTEGER", nullable: false),
                    LanguageCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DeliveryId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverySorter", x => x.EntryNo);
                    table.ForeignKey(
                        name: "FK_DeliverySorter_InteractionLogEntries_EntryNo",
                        column: x => x.EntryNo,
                        principalTable: "InteractionLogEntries",
                        principalColumn: "EntryNo",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySorter_CorrespondenceType_NextAttemptAt",
                table: "DeliverySorter",
                columns: new[] { "CorrespondenceType", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliverySorter");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "InteractionLogEntries");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "InteractionLogEntries");
        }
    }
}
