using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Touchpoint.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UiCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentContents",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentContents", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    No = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    FileExtension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReadOnly = table.Column<bool>(type: "boolean", nullable: false),
                    LastDateTimeModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Entity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "CampaignEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Canceled = table.Column<bool>(type: "boolean", nullable: false),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegisterNo = table.Column<long>(type: "bigint", nullable: true),
                    DocumentType = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Activated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CompanyNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompanyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    PhoneNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    MobilePhoneNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CountryRegionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CorrespondenceType = table.Column<int>(type: "integer", nullable: false),
                    PrivacyBlocked = table.Column<bool>(type: "boolean", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastDateTimeModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EntryNo = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "InteractionGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "InteractionLogEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TimeOfInteraction = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    InitiatedBy = table.Column<int>(type: "integer", nullable: false),
                    AttachmentNo = table.Column<long>(type: "bigint", nullable: true),
                    CostLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DurationMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InteractionTemplateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignEntryNo = table.Column<long>(type: "bigint", nullable: true),
                    CampaignResponse = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignTarget = table.Column<bool>(type: "boolean", nullable: false),
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LoggedSegmentEntryNo = table.Column<long>(type: "bigint", nullable: true),
                    Evaluation = table.Column<int>(type: "integer", nullable: false),
                    AttemptFailed = table.Column<bool>(type: "boolean", nullable: false),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeliveryStatus = table.Column<int>(type: "integer", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveryError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Canceled = table.Column<bool>(type: "boolean", nullable: false),
                    CorrespondenceType = table.Column<int>(type: "integer", nullable: false),
                    DocumentType = table.Column<int>(type: "integer", nullable: false),
                    DocumentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    VersionNo = table.Column<int>(type: "integer", nullable: false),
                    DocNoOccurrence = table.Column<int>(type: "integer", nullable: false),
                    ContactVia = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    InteractionLanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OpportunityNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Postponed = table.Column<bool>(type: "boolean", nullable: false),
                    HasComments = table.Column<bool>(type: "boolean", nullable: false),
                    CanceledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CanceledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionLogEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "InteractionTemplateSetup",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SalesQuote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesBlanketOrder = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesOrderConfirmation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesInvoice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesShipmentNote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesCreditMemo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesStatement = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesReminder = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ServiceOrderCreate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ServiceOrderPost = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseQuote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseBlanketOrder = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseOrder = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseInvoice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseReceipt = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseCreditMemo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesReturnOrder = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesFinanceChargeMemo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesReturnReceipt = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseReturnShipment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PurchaseReturnOrderConfirmation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ServiceContract = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ServiceContractQuote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ServiceQuote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalesDraftInvoice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Emails = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CoverSheets = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OutgoingCalls = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    MeetingInvitation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    EmailDraft = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTemplateSetup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InteractionTotals",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    NoOfInteractions = table.Column<long>(type: "bigint", nullable: false),
                    CostLcyHundredths = table.Column<long>(type: "bigint", nullable: false),
                    DurationMinHundredths = table.Column<long>(type: "bigint", nullable: false),
                    CampaignTargets = table.Column<long>(type: "bigint", nullable: false),
                    CampaignResponses = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTotals", x => new { x.Key, x.Code, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "LoggedSegments",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Canceled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoggedSegments", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "NoSeries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    LastNoUsed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoSeries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    CreationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SalesCycleStage = table.Column<int>(type: "integer", nullable: false),
                    EstimatedValueLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ChancesOfSuccessPct = table.Column<int>(type: "integer", nullable: false),
                    EstimatedClosingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DateClosed = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityEntries",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpportunityNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DateOfChange = table.Column<DateOnly>(type: "date", nullable: false),
                    SalesCycleStage = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EstimatedValueLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ChancesOfSuccessPct = table.Column<int>(type: "integer", nullable: false),
                    EstimatedClosingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UserId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityEntries", x => x.EntryNo);
                });

            migrationBuilder.CreateTable(
                name: "Salespeople",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Blocked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Salespeople", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SavedSegmentCriteria",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSegmentCriteria", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SegmentHeaders",
                columns: table => new
                {
                    No = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InteractionTemplateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CorrespondenceTypeDefault = table.Column<int>(type: "integer", nullable: false),
                    IgnoreContactCorresType = table.Column<bool>(type: "boolean", nullable: false),
                    LanguageCodeDefault = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SubjectDefault = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "boolean", nullable: false),
                    UnitCostLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitDurationMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    InitiatedBy = table.Column<int>(type: "integer", nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SendWordDocsAsAttmt = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentHeaders", x => x.No);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
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
                name: "RefreshTokenGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTokenGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefreshTokenGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactBusinessRelations",
                columns: table => new
                {
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LinkToTable = table.Column<int>(type: "integer", nullable: false),
                    LinkNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                name: "ContactNotes",
                columns: table => new
                {
                    LineNo = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactNotes", x => x.LineNo);
                    table.ForeignKey(
                        name: "FK_ContactNotes_Contacts_ContactNo",
                        column: x => x.ContactNo,
                        principalTable: "Contacts",
                        principalColumn: "No",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InteractionTemplates",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InteractionGroupCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitCostLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitDurationMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    InitiatedBy = table.Column<int>(type: "integer", nullable: false),
                    CorrespondenceTypeDefault = table.Column<int>(type: "integer", nullable: false),
                    WizardAction = table.Column<int>(type: "integer", nullable: false),
                    IgnoreContactCorresType = table.Column<bool>(type: "boolean", nullable: false),
                    LanguageCodeDefault = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DeliverySorter",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false),
                    CorrespondenceType = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SendWordDocsAsAttmt = table.Column<bool>(type: "boolean", nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DeliveryId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "InteractionLogEntryComments",
                columns: table => new
                {
                    EntryNo = table.Column<long>(type: "bigint", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Comment = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    LastDateModified = table.Column<DateOnly>(type: "date", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SavedSegmentCriteriaLines",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Filter = table.Column<string>(type: "text", nullable: false),
                    AllowExistingContacts = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "SegmentCriteriaActions",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActionNo = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Filter = table.Column<string>(type: "text", nullable: false),
                    AllowExistingContacts = table.Column<bool>(type: "boolean", nullable: false),
                    NoOfLines = table.Column<int>(type: "integer", nullable: false),
                    FirstLineNo = table.Column<int>(type: "integer", nullable: true),
                    LastLineNo = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SegmentLines",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InteractionTemplateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    InteractionGroupCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CorrespondenceType = table.Column<int>(type: "integer", nullable: false),
                    CostLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DurationMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TimeOfInteraction = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Evaluation = table.Column<int>(type: "integer", nullable: false),
                    AttemptFailed = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "boolean", nullable: false),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OpportunityNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    InitiatedBy = table.Column<int>(type: "integer", nullable: false),
                    AttachmentNo = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "InteractionTemplateLanguages",
                columns: table => new
                {
                    InteractionTemplateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AttachmentNo = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionTemplateLanguages", x => new { x.InteractionTemplateCode, x.LanguageCode });
                    table.ForeignKey(
                        name: "FK_InteractionTemplateLanguages_InteractionTemplates_Interacti~",
                        column: x => x.InteractionTemplateCode,
                        principalTable: "InteractionTemplates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentHistoryLines",
                columns: table => new
                {
                    SegmentNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActionNo = table.Column<int>(type: "integer", nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    ContactNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactCompanyNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InteractionTemplateCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    InteractionGroupCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CorrespondenceType = table.Column<int>(type: "integer", nullable: false),
                    CostLcy = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DurationMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TimeOfInteraction = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Evaluation = table.Column<int>(type: "integer", nullable: false),
                    AttemptFailed = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CampaignTarget = table.Column<bool>(type: "boolean", nullable: false),
                    CampaignResponse = table.Column<bool>(type: "boolean", nullable: false),
                    SalespersonCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OpportunityNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    InitiatedBy = table.Column<int>(type: "integer", nullable: false),
                    AttachmentNo = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentHistoryLines", x => new { x.SegmentNo, x.ActionNo, x.LineNo });
                    table.ForeignKey(
                        name: "FK_SegmentHistoryLines_SegmentCriteriaActions_SegmentNo_Action~",
                        columns: x => new { x.SegmentNo, x.ActionNo },
                        principalTable: "SegmentCriteriaActions",
                        principalColumns: new[] { "SegmentNo", "ActionNo" },
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_Attachments_ContentHash",
                table: "Attachments",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Date_EntryNo",
                table: "AuditEntries",
                columns: new[] { "Date", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_Key_EntryNo",
                table: "AuditEntries",
                columns: new[] { "Entity", "Key", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_EntryNo",
                table: "AuditEntries",
                columns: new[] { "UserId", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_CampaignNo_EntryNo",
                table: "CampaignEntries",
                columns: new[] { "CampaignNo", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEntries_RegisterNo",
                table: "CampaignEntries",
                column: "RegisterNo");

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
                name: "IX_ContactNotes_ContactNo_Date_Time_LineNo",
                table: "ContactNotes",
                columns: new[] { "ContactNo", "Date", "Time", "LineNo" });

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
                name: "IX_DeliverySorter_CorrespondenceType_NextAttemptAt",
                table: "DeliverySorter",
                columns: new[] { "CorrespondenceType", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_AttachmentNo",
                table: "InteractionLogEntries",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignEntryNo_Canceled_Postponed_Co~",
                table: "InteractionLogEntries",
                columns: new[] { "CampaignEntryNo", "Canceled", "Postponed", "CostLcy", "DurationMin" },
                filter: "\"CampaignEntryNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_CampaignNo_Canceled_Postponed_Date",
                table: "InteractionLogEntries",
                columns: new[] { "CampaignNo", "Canceled", "Postponed", "Date" },
                filter: "\"CampaignNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_ContactCompanyNo_Postponed_Date_TimeO~",
                table: "InteractionLogEntries",
                columns: new[] { "ContactCompanyNo", "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_ContactNo_Postponed_Date_TimeOfIntera~",
                table: "InteractionLogEntries",
                columns: new[] { "ContactNo", "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_Delivery",
                table: "InteractionLogEntries",
                columns: new[] { "DeliveryStatus", "Postponed", "Date", "TimeOfInteraction", "EntryNo" },
                filter: "\"DeliveryStatus\" <> 0 OR \"DeliveredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_DocumentType_DocumentNo",
                table: "InteractionLogEntries",
                columns: new[] { "DocumentType", "DocumentNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_InteractionGroupCode_Canceled_Postpon~",
                table: "InteractionLogEntries",
                columns: new[] { "InteractionGroupCode", "Canceled", "Postponed", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_InteractionTemplateCode_Canceled_Post~",
                table: "InteractionLogEntries",
                columns: new[] { "InteractionTemplateCode", "Canceled", "Postponed", "Date" });

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

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_Postponed_Date_TimeOfInteraction_Entr~",
                table: "InteractionLogEntries",
                columns: new[] { "Postponed", "Date", "TimeOfInteraction", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionLogEntries_SalespersonCode_Canceled_Postponed_Da~",
                table: "InteractionLogEntries",
                columns: new[] { "SalespersonCode", "Canceled", "Postponed", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionTemplateLanguages_AttachmentNo",
                table: "InteractionTemplateLanguages",
                column: "AttachmentNo");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionTemplates_InteractionGroupCode",
                table: "InteractionTemplates",
                column: "InteractionGroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_LoggedSegments_SegmentNo",
                table: "LoggedSegments",
                column: "SegmentNo");

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

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityEntries_OpportunityNo_EntryNo",
                table: "OpportunityEntries",
                columns: new[] { "OpportunityNo", "EntryNo" });

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokenGrants_UserId",
                table: "RefreshTokenGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentHeaders_CampaignNo",
                table: "SegmentHeaders",
                column: "CampaignNo");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentHeaders_SalespersonCode",
                table: "SegmentHeaders",
                column: "SalespersonCode");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentInteractionLanguages_AttachmentNo",
                table: "SegmentInteractionLanguages",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_AttachmentNo",
                table: "SegmentLines",
                column: "AttachmentNo",
                filter: "\"AttachmentNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_CampaignNo",
                table: "SegmentLines",
                column: "CampaignNo");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentLines_ContactNo_SegmentNo",
                table: "SegmentLines",
                columns: new[] { "ContactNo", "SegmentNo" },
                unique: true);

            // Written by hand, as the model cannot describe it: the contact list's substring search index.
            // A trigram GIN index lets the planner answer the list's LIKE '%term%' without reading every contact.
            // pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_SearchText_trgm" ON "Contacts" USING gin ("SearchText" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The trigram index goes with Contacts; pg_trgm stays, as something else in the database may use it.
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
                name: "AttachmentContents");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CampaignEntries");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "ContactBusinessRelations");

            migrationBuilder.DropTable(
                name: "ContactNotes");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeliverySorter");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InteractionLogEntryComments");

            migrationBuilder.DropTable(
                name: "InteractionTemplateLanguages");

            migrationBuilder.DropTable(
                name: "InteractionTemplateSetup");

            migrationBuilder.DropTable(
                name: "InteractionTotals");

            migrationBuilder.DropTable(
                name: "LoggedSegments");

            migrationBuilder.DropTable(
                name: "NoSeries");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "OpportunityEntries");

            migrationBuilder.DropTable(
                name: "RefreshTokenGrants");

            migrationBuilder.DropTable(
                name: "Salespeople");

            migrationBuilder.DropTable(
                name: "SavedSegmentCriteriaLines");

            migrationBuilder.DropTable(
                name: "SegmentHistoryLines");

            migrationBuilder.DropTable(
                name: "SegmentInteractionLanguages");

            migrationBuilder.DropTable(
                name: "SegmentLines");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "InteractionLogEntries");

            migrationBuilder.DropTable(
                name: "InteractionTemplates");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "SavedSegmentCriteria");

            migrationBuilder.DropTable(
                name: "SegmentCriteriaActions");

            migrationBuilder.DropTable(
                name: "InteractionGroups");

            migrationBuilder.DropTable(
                name: "SegmentHeaders");
        }
    }
}
