using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertRecipientAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AlertRecipients_AlertId_AnsweredAt",
                table: "AlertRecipients",
                columns: new[] { "AlertId", "AnsweredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlertRecipients_AlertId_AnsweredAt",
                table: "AlertRecipients");
        }
    }
}
