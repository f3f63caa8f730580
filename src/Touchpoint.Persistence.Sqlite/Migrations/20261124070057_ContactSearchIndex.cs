using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A trigram full-text index over Contacts.SearchText for substring search (see SqliteContactSearchIndex).
            // External content: the index keeps no copy of the text; its rowid is Contacts.Id, which VACUUM keeps.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5("SearchText", content='Contacts', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_SearchInsert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_SearchDelete" AFTER DELETE ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch"("ContactSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch"("ContactSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                    INSERT INTO "ContactSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ContactSearch";""");
        }
    }
}
