using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Touchpoint.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UiCulture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    No = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Activated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    No = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompanyNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    PhoneNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    MobilePhoneNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CountryRegionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LanguageCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CorrespondenceType = table.Column<int>(type: "INTEGER", nullable: false),
                    PrivacyBlocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastDateTimeModified = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.UniqueConstraint("AK_Contacts_No", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InteractionGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "InteractionTemplateSetup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SalesQuote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesBlanketOrder = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesOrderConfirmation = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesInvoice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesShipmentNote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesCreditMemo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesStatement = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesReminder = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ServiceOrderCreate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ServiceOrderPost = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseQuote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseBlanketOrder = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseOrder = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseInvoice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseReceipt = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseCreditMemo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesReturnOrder = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesFinanceChargeMemo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesReturnReceipt = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseReturnShipment = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PurchaseReturnOrderConfirmation = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ServiceContract = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ServiceContractQuote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ServiceQuote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SalesDraftInvoice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Emails = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CoverSheets = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OutgoingCalls = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MeetingInvitation = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EmailDraft = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTemplateSetup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoSeries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNoUsed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoSeries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    No = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SalespersonCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SegmentNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreationDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "Salespeople",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Blocked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Salespeople", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactBusinessRelations",
                columns: table => new
                {
                    ContactNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkToTable = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactBusinessRelations", x => new { x.ContactNo, x.LinkToTable, x.LinkNo });
                    table.ForeignKey(
                        name: "FK_ContactBusinessRelations_Contacts_ContactNo",
                        column: x => x.ContactNo,
                        principalTable: "Contacts",
                        principalColumn: "No",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InteractionTemplates",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCostLcy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UnitDurationMin = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    InformationFlow = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiatedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrespondenceTypeDefault = table.Column<int>(type: "INTEGER", nullable: false),
                    WizardAction = table.Column<int>(type: "INTEGER", nullable: false),
                    IgnoreContactCorresType = table.Column<bool>(type: "INTEGER", nullable: false),
                    LanguageCodeDefault = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CampaignNo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "INTEGER", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTemplates", x => x.Code);
                    table.ForeignKey(
                        name: "FK_InteractionTemplates_InteractionGroups_InteractionGroupCode",
                        column: x => x.InteractionGroupCode,
                        principalTable: "InteractionGroups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_SalespersonCode",
                table: "Campaigns",
                column: "SalespersonCode");

            migrationBuilder.CreateIndex(
                name: "IX_ContactBusinessRelations_LinkToTable_LinkNo",
                table: "ContactBusinessRelations",
                columns: new[] { "LinkToTable", "LinkNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CompanyNo_No",
                table: "Contacts",
                columns: new[] { "CompanyNo", "No" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SalespersonCode_No",
                table: "Contacts",
                columns: new[] { "SalespersonCode", "No" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SearchName_No",
                table: "Contacts",
                columns: new[] { "SearchName", "No" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionTemplates_InteractionGroupCode",
                table: "InteractionTemplates",
                column: "InteractionGroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CampaignNo",
                table: "Opportunities",
                column: "CampaignNo");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_ContactCompanyNo",
                table: "Opportunities",
                column: "ContactCompanyNo");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_ContactNo",
                table: "Opportunities",
                column: "ContactNo");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_SalespersonCode",
                table: "Opportunities",
                column: "SalespersonCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "ContactBusinessRelations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "InteractionTemplates");

            migrationBuilder.DropTable(
                name: "InteractionTemplateSetup");

            migrationBuilder.DropTable(
                name: "NoSeries");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "Salespeople");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "InteractionGroups");
        }
    }
}
