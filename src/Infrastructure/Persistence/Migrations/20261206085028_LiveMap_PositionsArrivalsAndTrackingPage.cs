using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LiveMap_PositionsArrivalsAndTrackingPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "address_latitude",
                table: "pickup_locations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "address_longitude",
                table: "pickup_locations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "delivery_address_latitude",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "delivery_address_longitude",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_request_instructions",
                table: "orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "delivery_request_preferred_date",
                table: "orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "delivery_request_requested_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "pickup_address_latitude",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "pickup_address_longitude",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tracking_page_settings",
                columns: table => new
                {
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    show_prices = table.Column<bool>(type: "boolean", nullable: false),
                    redelivery_days = table.Column<int>(type: "integer", nullable: false),
                    redelivery_horizon_days = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracking_page_settings", x => x.merchant_id);
                    table.ForeignKey(
                        name: "fk_tracking_page_settings_users_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Tables read and written in SQL only (CourierPositionStore, ArrivalStatisticsStore), outside the EF model.
            // One row per courier with an order out for delivery (or per partner order, keyed by the order): never a trail.
            migrationBuilder.Sql("""
                CREATE TABLE courier_positions (
                    carrier_id uuid PRIMARY KEY,
                    latitude double precision NOT NULL,
                    longitude double precision NOT NULL,
                    accuracy_meters double precision NOT NULL,
                    recorded_at timestamp with time zone NOT NULL,
                    speed_meters_per_second double precision NULL
                );
                CREATE TABLE arrival_histograms (
                    merchant_id uuid NOT NULL,
                    leg integer NOT NULL,
                    area character varying(4) NOT NULL,
                    hour_of_week integer NOT NULL,
                    total bigint NOT NULL,
                    counts bigint[] NOT NULL,
                    PRIMARY KEY (merchant_id, leg, area, hour_of_week)
                );
                CREATE TABLE arrival_events_counted (
                    event_id uuid PRIMARY KEY,
                    counted_at timestamp with time zone NOT NULL
                );
                CREATE INDEX ix_orders_assigned_courier_id_in_transit ON orders (assigned_courier_id) WHERE status = 'InTransit';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_orders_assigned_courier_id_in_transit; DROP TABLE arrival_events_counted; DROP TABLE arrival_histograms; DROP TABLE courier_positions;");

            migrationBuilder.DropTable(
                name: "tracking_page_settings");

            migrationBuilder.DropColumn(
                name: "address_latitude",
                table: "pickup_locations");

            migrationBuilder.DropColumn(
                name: "address_longitude",
                table: "pickup_locations");

            migrationBuilder.DropColumn(
                name: "delivery_address_latitude",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivery_address_longitude",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivery_request_instructions",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivery_request_preferred_date",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivery_request_requested_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_latitude",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pickup_address_longitude",
                table: "orders");
        }
    }
}
