using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Canceled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisterNo = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentType = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "InteractionLogEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeOfInteraction = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InformationFlow = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiatedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachmentNo = table.Column<long>(type: "INTEGER", nullable: true),
                    CostLcy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DurationMin = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    InteractionTemplateCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CampaignEntryNo = table.Column<long>(type: "INTEGER", nullable: true),
                    CampaignResponse = table.Column<bool>(type: "INTEGER", nullable: false),
                    CampaignTarget = table.Column<bool>(type: "INTEGER", nullable: false),
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LoggedSegmentEntryNo = table.Column<long>(type: "INTEGER", nullable: true),
                    Evaluation = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptFailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeliveryStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Canceled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CorrespondenceType = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentType = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VersionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactVia = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    InteractionLanguageCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OpportunityNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Postponed = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasComments = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanceledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CanceledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionLogEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "InteractionLogEntryComments",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LastDateModified = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionLogEntryComments", x => new { x.EntryNo, x.LineNo });
                    table.ForeignKey(
                        name: "FK_InteractionLogEntryComments_InteractionLogEntries_EntryNo",
                        column: x => x.EntryNo,
                        principalTable: "InteractionLogEntries",
                        principalColumn: "EntryNo",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_CampaignNo_Date_DocumentType",
                table: "CampaignEntries",
                columns: new[] { "CampaignNo", "Date", "DocumentType" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_RegisterNo",
                table: "CampaignEntries",
                column: "RegisterNo");

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
                name: "IX_InteractionLogEntries_ContactCompanyNo_Postponed_Date_TimeOfInteraction_EntryNo",
                table: "InteractionLogEntries",
                columns: new[] { "ContactCompanyNo", "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_ContactNo_Postponed_Date_TimeOfInteraction_EntryNo",
                table: "InteractionLogEntries",
                columns: new[] { "ContactNo", "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_DocumentType_DocumentNo",
                table: "InteractionLogEntries",
                columns: new[] { "DocumentType", "DocumentNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_InteractionGroupCode_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "InteractionGroupCode", "Canceled", "Postponed", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_InteractionTemplateCode_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "InteractionTemplateCode", "Canceled", "Postponed", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_LoggedSegmentEntryNo",
                table: "InteractionLogEntries",
                column: "LoggedSegmentEntryNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_OpportunityNo",
                table: "InteractionLogEntries",
                column: "OpportunityNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_Postponed_Date_TimeOfInteraction_EntryNo",
                table: "InteractionLogEntries",
                columns: new[] { "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_SalespersonCode_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "SalespersonCode", "Canceled", "Postponed", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignEntries");

            migrationBuilder.DropTable(
                name: "InteractionLogEntryComments");

            migrationBuilder.DropTable(
                name: "InteractionLogEntries");
        }
    }
}
