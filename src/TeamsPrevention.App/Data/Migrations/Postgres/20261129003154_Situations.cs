using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Situations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SituationDeletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChannelRemoved = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationDeletions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Situations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SignalText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReferentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    NextReviewAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AfterCareReviewsDone = table.Column<int>(type: "integer", nullable: false),
                    RetentionUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChannelState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChannelName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ChannelSyncDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChannelLeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ChannelLeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChannelProblem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Situations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SituationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationActions_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationIdentities",
                columns: table => new
                {
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nonce = table.Column<byte[]>(type: "bytea", nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    Tag = table.Column<byte[]>(type: "bytea", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationIdentities", x => x.SituationId);
                    table.ForeignKey(
                        name: "FK_SituationIdentities_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ObservedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationIndicators_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationJustifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationJustifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationJustifications_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationNeedToKnow",
                columns: table => new
                {
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BreakGlass = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationNeedToKnow", x => new { x.SituationId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_SituationNeedToKnow_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NextReviewAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationReviews_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SituationActions_SituationId",
                table: "SituationActions",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationDeletions_Code",
                table: "SituationDeletions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SituationIndicators_SituationId",
                table: "SituationIndicators",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationJustifications_SituationId",
                table: "SituationJustifications",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationNeedToKnow_PersonId",
                table: "SituationNeedToKnow",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SituationReviews_SituationId",
                table: "SituationReviews",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_ChannelState_ChannelSyncDueAt",
                table: "Situations",
                columns: new[] { "ChannelState", "ChannelSyncDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Situations_Code",
                table: "Situations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Situations_RetentionUntil",
                table: "Situations",
                column: "RetentionUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SituationActions");

            migrationBuilder.DropTable(
                name: "SituationDeletions");

            migrationBuilder.DropTable(
                name: "SituationIdentities");

            migrationBuilder.DropTable(
                name: "SituationIndicators");

            migrationBuilder.DropTable(
                name: "SituationJustifications");

            migrationBuilder.DropTable(
                name: "SituationNeedToKnow");

            migrationBuilder.DropTable(
                name: "SituationReviews");

            migrationBuilder.DropTable(
                name: "Situations");
        }
    }
}
