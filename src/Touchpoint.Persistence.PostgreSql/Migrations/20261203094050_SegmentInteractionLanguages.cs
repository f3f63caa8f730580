using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SegmentInteractionLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttachmentNo",
                table: "SegmentLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AttachmentNo",
                table: "SegmentHistoryLines",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SegmentInteractionLanguages",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SegmentLineNo = table.Column<int>(type: "integer", nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AttachmentNo = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentInteractionLanguages", x => new { x.SegmentNo, x.SegmentLineNo, x.LanguageCode });
                    table.ForeignKey(
                        name: "FK_SegmentInteractionLanguages_SegmentHeaders_SegmentNo",
                        column: x => x.SegmentNo,
                        principalTable: "SegmentHeaders",
                        principalColumn: "No",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_AttachmentNo",
                table: "SegmentLines",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentInteractionLanguages_AttachmentNo",
                table: "SegmentInteractionLanguages",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SegmentInteractionLanguages");

            migrationBuilder.DropIndex(
                name: "IX_SegmentLines_AttachmentNo",
                table: "SegmentLines");

            migrationBuilder.DropColumn(
                name: "AttachmentNo",
                table: "SegmentLines");

            migrationBuilder.DropColumn(
                name: "AttachmentNo",
                table: "SegmentHistoryLines");
        }
    }
}
