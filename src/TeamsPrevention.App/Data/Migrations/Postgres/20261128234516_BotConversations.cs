using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BotConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BotConversations",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PersonTeamsUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TeamId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Locale = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BotId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Installed = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotConversations", x => x.ConversationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BotConversations_PersonAadObjectId_Kind",
                table: "BotConversations",
                columns: new[] { "PersonAadObjectId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_BotConversations_TeamId",
                table: "BotConversations",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BotConversations");
        }
    }
}
