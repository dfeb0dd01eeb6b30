using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "seconds_in_confirmed",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_delivery_failed",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_in_transit",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_pending",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_picked_up",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_preparing",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "seconds_in_ready_for_pickup",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_changed_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing orders: replay each timeline once. A stay runs from an entry that changed the status to the next
            // one that did (assignments and claims keep the status); the last stay is still open.
            migrationBuilder.Sql("""
                UPDATE orders SET status_changed_at = created_at;

                UPDATE orders AS o
                SET status_changed_at = s.last_change,
                    seconds_in_pending = s.pending,
                    seconds_in_confirmed = s.confirmed,
                    seconds_in_preparing = s.preparing,
                    seconds_in_ready_for_pickup = s.ready_for_pickup,
                    seconds_in_picked_up = s.picked_up,
                    seconds_in_in_transit = s.in_transit,
                    seconds_in_delivery_failed = s.delivery_failed
                FROM (
                    SELECT order_id,
                           max(at) AS last_change,
                           sum(stay) FILTER (WHERE status = 'Pending') AS pending,
                           sum(stay) FILTER (WHERE status = 'Confirmed') AS confirmed,
                           sum(stay) FILTER (WHERE status = 'Preparing') AS preparing,
                           sum(stay) FILTER (WHERE status = 'ReadyForPickup') AS ready_for_pickup,
                           sum(stay) FILTER (WHERE status = 'PickedUp') AS picked_up,
                           sum(stay) FILTER (WHERE status = 'InTransit') AS in_transit,
                           sum(stay) FILTER (WHERE status = 'DeliveryFailed') AS delivery_failed
                    FROM (
                        SELECT order_id, "to" AS status, at,
                               date_part('epoch', lead(at) OVER (PARTITION BY order_id ORDER BY at, id) - at) AS stay
                        FROM order_history
                        WHERE "from" IS DISTINCT FROM "to"
                    ) AS stays
                    GROUP BY order_id
                ) AS s
                WHERE s.order_id = o.id;
                """);

            // The analytics indexes are written here rather than in the model: EF Core cannot put complex-type columns
            // in INCLUDE, nor index an expression. Each lets its statement read the index alone (index-only scans).
            migrationBuilder.Sql("""
                CREATE INDEX ix_orders_analytics ON orders (created_at)
                    INCLUDE (merchant_id, status, delivered_at, estimated_delivery_at,
                             seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup,
                             seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed);

                CREATE INDEX ix_orders_merchant_analytics ON orders (merchant_id, created_at)
                    INCLUDE (status, delivered_at, estimated_delivery_at,
                             seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup,
                             seconds_in_picked_up, seconds_in_in_transit, seconds_in_delivery_failed);

                CREATE INDEX ix_orders_delivery_time ON orders ((delivered_at - created_at))
                    INCLUDE (created_at, delivered_at, merchant_id)
                    WHERE delivered_at IS NOT NULL;

                CREATE INDEX ix_order_history_delivery_failures ON order_history (order_id)
                    INCLUDE (reason)
                    WHERE "to" = 'DeliveryFailed';

                CREATE INDEX ix_orders_delivery_failures ON orders (created_at)
                    INCLUDE (id, merchant_id)
                    WHERE seconds_in_delivery_failed IS NOT NULL OR status = 'DeliveryFailed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_orders_delivery_failures;
                DROP INDEX ix_order_history_delivery_failures;
                DROP INDEX ix_orders_delivery_time;
                DROP INDEX ix_orders_merchant_analytics;
                DROP INDEX ix_orders_analytics;
                """);

            migrationBuilder.DropColumn(
                name: "seconds_in_confirmed",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_delivery_failed",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_in_transit",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_pending",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_picked_up",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_preparing",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "seconds_in_ready_for_pickup",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "status_changed_at",
                table: "orders");
        }
    }
}
