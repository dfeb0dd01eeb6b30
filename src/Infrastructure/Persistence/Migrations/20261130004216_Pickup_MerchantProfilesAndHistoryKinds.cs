using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pickup_MerchantProfilesAndHistoryKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pickup_address_city",
                table: "orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_address_country",
                table: "orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_address_line1",
                table: "orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_address_line2",
                table: "orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_address_postal_code",
                table: "orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_instructions",
                table: "orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pickup_label",
                table: "orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pickup_location_id",
                table: "orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "order_history",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "StatusChange");

            // Before this migration assignments and claims were the entries whose status did not change (ADR 0005).
            // Only couriers claim, and couriers cannot assign, so a courier's such entry is a claim.
            migrationBuilder.Sql("""
                UPDATE order_history
                SET kind = CASE WHEN actor_type = 'Delivery' THEN 'Claim' ELSE 'Assignment' END
                WHERE "from" = "to";
                """);

            migrationBuilder.CreateTable(
                name: "merchant_profiles",
                columns: table => new
                {
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merchant_profiles", x => x.merchant_id);
                    table.ForeignKey(
                        name: "fk_merchant_profiles_users_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pickup_locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    instructions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pickup_locations", x => x.id);
                    table.ForeignKey(
                        name: "fk_pickup_locations_merchant_profiles_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "merchant_profiles",
                        principalColumn: "merchant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pickup_locations_merchant_id",
                table: "pickup_locations",
                column: "merchant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pickup_locations");

            migrationBuilder.DropTable(
                name: "merchant_profiles");

            migrationBuilder.DropColumn(
                name: "pickup_address_city",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_country",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_line1",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_line2",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_postal_code",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_instructions",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_label",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_location_id",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "order_history");
        }
    }
}
