using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Sqlite
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
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
