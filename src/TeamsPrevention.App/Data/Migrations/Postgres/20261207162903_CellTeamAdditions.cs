using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CellTeamAdditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CellTeamAdditions",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CellTeamAdditions", x => new { x.TeamId, x.UserId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CellTeamAdditions");
        }
    }
}
