using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SegmentCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedSegmentCriteria",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSegmentCriteria", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SegmentCriteriaActions",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Filter = table.Column<string>(type: "TEXT", nullable: false),
                    AllowExistingContacts = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoOfLines = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstLineNo = table.Column<int>(type: "INTEGER", nullable: true),
                    LastLineNo = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentCriteriaActions", x => new { x.SegmentNo, x.ActionNo });
                    table.ForeignKey(
                        name: "FK_SegmentCriteriaActions_SegmentHeaders_SegmentNo",
                        column: x => x.SegmentNo,
                        principalTable: "SegmentHeaders",
                        principalColumn: "No",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedSegmentCriteriaLines",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Filter = table.Column<string>(type: "TEXT", nullable: false),
                    AllowExistingContacts = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSegmentCriteriaLines", x => new { x.Code, x.LineNo });
                    table.ForeignKey(
                        name: "FK_SavedSegmentCriteriaLines_SavedSegmentCriteria_Code",
                        column: x => x.Code,
                        principalTable: "SavedSegmentCriteria",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentHistoryLines",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActionNo = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_SegmentHistoryLines", x => new { x.SegmentNo, x.ActionNo, x.LineNo });
                    table.ForeignKey(
                        name: "FK_SegmentHistoryLines_SegmentCriteriaActions_SegmentNo_ActionNo",
                        columns: x => new { x.SegmentNo, x.ActionNo },
                        principalTable: "SegmentCriteriaActions",
                        principalColumns: new[] { "SegmentNo", "ActionNo" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedSegmentCriteriaLines");

            migrationBuilder.DropTable(
                name: "SegmentHistoryLines");

            migrationBuilder.DropTable(
                name: "SavedSegmentCriteria");

            migrationBuilder.DropTable(
                name: "SegmentCriteriaActions");
        }
    }
}
