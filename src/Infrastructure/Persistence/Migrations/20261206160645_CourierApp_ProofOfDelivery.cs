using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderTracking.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CourierApp_ProofOfDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "occurred_at",
                table: "order_history",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "delivery_proofs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    photo_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    photo_content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    photo_bytes = table.Column<long>(type: "bigint", nullable: true),
                    signature_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signature_content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    signature_bytes = table.Column<long>(type: "bigint", nullable: true),
                    position_latitude = table.Column<double>(type: "double precision", nullable: true),
                    position_longitude = table.Column<double>(type: "double precision", nullable: true),
                    position_accuracy_meters = table.Column<double>(type: "double precision", nullable: true),
                    photo_taken = table.Column<bool>(type: "boolean", nullable: false),
                    recipient_signed = table.Column<bool>(type: "boolean", nullable: false),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    files_removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_proofs", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_proofs_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proof_files",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proof_files", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "proof_of_delivery_policies",
                columns: table => new
                {
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    photo = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    signature = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    position = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    show_photo_on_tracking = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proof_of_delivery_policies", x => x.merchant_id);
                    table.ForeignKey(
                        name: "fk_proof_of_delivery_policies_users_merchant_id",
                        column: x => x.merchant_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_proofs_order_id",
                table: "delivery_proofs",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_proofs_recorded_at",
                table: "delivery_proofs",
                column: "recorded_at",
                filter: "files_removed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_proofs");

            migrationBuilder.DropTable(
                name: "proof_files");

            migrationBuilder.DropTable(
                name: "proof_of_delivery_policies");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                table: "order_history");
        }
    }
}
