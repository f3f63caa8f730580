using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeysPerRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "IdempotencyRecords",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "IdempotencyRecords",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "IdempotencyRecords");
        }
    }
}
