using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Idempotency_StoredResult : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "e_tag",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "location",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "response_content_type",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "status_code",
                table: "idempotency_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "e_tag",
                table: "idempotency_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "idempotency_records",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "response_content_type",
                table: "idempotency_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_code",
                table: "idempotency_records",
                type: "integer",
                nullable: true);
        }
    }
}
