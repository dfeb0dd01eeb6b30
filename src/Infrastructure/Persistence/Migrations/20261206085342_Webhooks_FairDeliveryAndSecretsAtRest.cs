using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks_FairDeliveryAndSecretsAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_endpoints_owner_type_owner_id",
                table: "webhook_endpoints");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_next_attempt_at",
                table: "webhook_deliveries");

            migrationBuilder.AlterColumn<string>(
                name: "secret",
                table: "webhook_endpoints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(49)",
                oldMaxLength: 49);

            migrationBuilder.AlterColumn<string>(
                name: "previous_secret",
                table: "webhook_endpoints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(49)",
                oldMaxLength: 49,
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disabled_at",
                table: "webhook_endpoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "disabled_reason",
                table: "webhook_endpoints",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "failing_since",
                table: "webhook_endpoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "slot",
                table: "webhook_endpoints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<Guid>(
                name: "order_id",
                table: "webhook_deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_until",
                table: "webhook_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    request_headers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    response_headers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    response_body = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    response_body_truncated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_attempts_webhook_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "webhook_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing endpoints take their owner's places in the order they were created; an owner already past the
            // limit keeps them all and can add none until it is below it again.
            migrationBuilder.Sql(
                """
                UPDATE webhook_endpoints e SET slot = numbered.slot
                FROM (SELECT id, row_number() OVER (PARTITION BY owner_type, owner_id ORDER BY created_at, id) AS slot FROM webhook_endpoints) numbered
                WHERE e.id = numbered.id
                """);

            // Whose webhooks may be planned and sent: one rule for the planner and the delivery worker. A merchant is
            // an active user who is still a merchant; a partner an active delivery partner.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION webhook_owner_is_active(owner_type text, owner_id uuid) RETURNS boolean
                LANGUAGE sql STABLE AS $$
                    SELECT CASE owner_type
                        WHEN 'Merchant' THEN EXISTS (SELECT 1 FROM users u WHERE u.id = owner_id AND u.is_active AND u.role = 'Merchant')
                        WHEN 'Partner' THEN EXISTS (SELECT 1 FROM delivery_partners p WHERE p.id = owner_id AND p.is_active)
                        ELSE false
                    END
                $$
                """);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_owner_type_owner_id_slot",
                table: "webhook_endpoints",
                columns: new[] { "owner_type", "owner_id", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id_claimed",
                table: "webhook_deliveries",
                column: "endpoint_id",
                filter: "claimed_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id_next_attempt_at",
                table: "webhook_deliveries",
                columns: new[] { "endpoint_id", "next_attempt_at" },
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_attempts_delivery_id_attempted_at",
                table: "webhook_attempts",
                columns: new[] { "delivery_id", "attempted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION webhook_owner_is_active(text, uuid)");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "webhook_attempts");

            migrationBuilder.DropIndex(
                name: "ix_webhook_endpoints_owner_type_owner_id_slot",
                table: "webhook_endpoints");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_endpoint_id_claimed",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_endpoint_id_next_attempt_at",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "disabled_at",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "disabled_reason",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "failing_since",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "slot",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "webhook_deliveries");

            migrationBuilder.AlterColumn<string>(
                name: "secret",
                table: "webhook_endpoints",
                type: "character varying(49)",
                maxLength: 49,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "previous_secret",
                table: "webhook_endpoints",
                type: "character varying(49)",
                maxLength: 49,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "order_id",
                table: "webhook_deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_owner_type_owner_id",
                table: "webhook_endpoints",
                columns: new[] { "owner_type", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_next_attempt_at",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "status = 'Pending'");
        }
    }
}
