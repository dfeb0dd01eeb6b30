using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Proofs;
using OrderTracking.Infrastructure.Proofs;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class DeliveryProofConfiguration : IEntityTypeConfiguration<DeliveryProof>
{
    public void Configure(EntityTypeBuilder<DeliveryProof> builder)
    {
        builder.ToTable("delivery_proofs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.OrderId);
        // The retention rule's scan: proofs that still hold files, oldest first.
        builder.HasIndex(p => p.RecordedAt).HasFilter("files_removed_at IS NULL");
        builder.Property(p => p.RecipientName).HasMaxLength(Order.MaxRecipientNameLength);
        builder.Ignore(p => p.Files);
        builder.OwnsOne(p => p.Photo, file => ConfigureFile(file, "photo"));
        builder.OwnsOne(p => p.Signature, file => ConfigureFile(file, "signature"));
        builder.OwnsOne(p => p.Position, position =>
        {
            position.Property(p => p.Latitude).HasColumnName("position_latitude");
            position.Property(p => p.Longitude).HasColumnName("position_longitude");
            position.Property(p => p.AccuracyMeters).HasColumnName("position_accuracy_meters");
        });
    }

    private static void ConfigureFile<TOwner>(OwnedNavigationBuilder<TOwner, ProofFile> file, string prefix)
        where TOwner : class
    {
        file.Property(f => f.Key).HasColumnName($"{prefix}_key").HasMaxLength(StoredProofFile.MaxKeyLength);
        file.Property(f => f.ContentType).HasColumnName($"{prefix}_content_type").HasMaxLength(32);
        file.Property(f => f.Bytes).HasColumnName($"{prefix}_bytes");
    }
}
