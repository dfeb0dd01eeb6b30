using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// An order's version becomes its timeline's length, kept in a column instead of PostgreSQL's xmin, and each timeline
    /// entry carries the version it made, unique per order (docs/decisions/0027-the-order-version-is-its-timeline.md).
    /// Existing timelines are numbered in the order they are read (time, then id); each order takes its timeline's length.
    /// </summary>
    public partial class WritePath_VersionFromTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "orders",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "order_history",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE order_history h SET version = numbered.version
                FROM (SELECT id, row_number() OVER (PARTITION BY order_id ORDER BY at, id) AS version FROM order_history) numbered
                WHERE h.id = numbered.id;

                UPDATE orders o SET version = timeline.length
                FROM (SELECT order_id, count(*) AS length FROM order_history GROUP BY order_id) timeline
                WHERE o.id = timeline.order_id;

                ALTER TABLE order_history ALTER COLUMN version DROP DEFAULT;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_order_history_order_id_version",
                table: "order_history",
                columns: new[] { "order_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_order_history_order_id_version",
                table: "order_history");

            migrationBuilder.DropColumn(
                name: "version",
                table: "order_history");

            migrationBuilder.DropColumn(
                name: "version",
                table: "orders");
        }
    }
}
