using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertRecipientLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlertRecipients_AlertId",
                table: "AlertRecipients");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRecipients_AlertId_OrganisationId",
                table: "AlertRecipients",
                columns: new[] { "AlertId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertRecipients_AlertId_PersonId",
                table: "AlertRecipients",
                columns: new[] { "AlertId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlertRecipients_AlertId_OrganisationId",
                table: "AlertRecipients");

            migrationBuilder.DropIndex(
                name: "IX_AlertRecipients_AlertId_PersonId",
                table: "AlertRecipients");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRecipients_AlertId",
                table: "AlertRecipients",
                column: "AlertId");
        }
    }
}
