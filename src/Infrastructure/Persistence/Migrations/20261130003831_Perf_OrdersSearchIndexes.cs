using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Perf_OrdersSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_delivery_address_city",
                table: "orders",
                column: "delivery_address_city")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_delivery_address_postal_code",
                table: "orders",
                column: "delivery_address_postal_code")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_tracking_code_prefix",
                table: "orders",
                column: "tracking_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_delivery_address_city",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_delivery_address_postal_code",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_tracking_code_prefix",
                table: "orders");
        }
    }
}
