using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamsPrevention.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedCaseText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "Situations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "SituationReviews",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "SituationJustifications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "SituationIndicators",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "SituationActions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "PoliceFeedbacks",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "MeetingItems",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealKeyId",
                table: "Alerts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "Situations");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "SituationReviews");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "SituationJustifications");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "SituationIndicators");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "SituationActions");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "PoliceFeedbacks");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "MeetingItems");

            migrationBuilder.DropColumn(
                name: "SealKeyId",
                table: "Alerts");
        }
    }
}
