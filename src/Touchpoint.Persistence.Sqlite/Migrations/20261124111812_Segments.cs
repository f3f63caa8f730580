using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Segments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SegmentHeaders",
                columns: table => new
                {
                    No = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InteractionTemplateCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CorrespondenceTypeDefault = table.Column<int>(type: "INTEGER", nullable: false),
                    IgnoreContactCorresType = table.Column<bool>(type: "INTEGER", nullable: false),
                    LanguageCodeDefault = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SubjectDefault = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "INTEGER", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnitCostLcy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UnitDurationMin = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    InformationFlow = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiatedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SendWordDocsAsAttmt = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentHeaders", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "SegmentLines",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InteractionTemplateCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    InteractionGroupCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LanguageCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CorrespondenceType = table.Column<int>(type: "INTEGER", nullable: false),
                    CostLcy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DurationMin = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeOfInteraction = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Evaluation = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptFailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "INTEGER", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "INTEGER", nullable: false),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OpportunityNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InformationFlow = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiatedBy = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentLines", x => new { x.SegmentNo, x.LineNo });
                    table.ForeignKey(
                        name: "FK_SegmentLines_SegmentHeaders_SegmentNo",
                        column: x => x.SegmentNo,
                        principalTable: "SegmentHeaders",
                        principalColumn: "No",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentHeaders_CampaignNo",
                table: "SegmentHeaders",
                column: "CampaignNo");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentHeaders_SalespersonCode",
                table: "SegmentHeaders",
                column: "SalespersonCode");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_CampaignNo",
                table: "SegmentLines",
                column: "CampaignNo");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_ContactNo_SegmentNo",
                table: "SegmentLines",
                columns: new[] { "ContactNo", "SegmentNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SegmentLines");

            migrationBuilder.DropTable(
                name: "SegmentHeaders");
        }
    }
}
