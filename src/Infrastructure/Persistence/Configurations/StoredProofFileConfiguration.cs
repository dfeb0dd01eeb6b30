using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Infrastructure.Proofs;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class StoredProofFileConfiguration : IEntityTypeConfiguration<StoredProofFile>
{
    public void Configure(EntityTypeBuilder<StoredProofFile> builder)
    {
        builder.ToTable("proof_files");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(StoredProofFile.MaxKeyLength);
        builder.Property(f => f.ContentType).HasMaxLength(32).IsRequired();
        builder.Property(f => f.Content).IsRequired();
    }
}
