using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Sessions;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class SessionFamilyConfiguration : IEntityTypeConfiguration<SessionFamily>
{
    public void Configure(EntityTypeBuilder<SessionFamily> builder)
    {
        builder.ToTable("session_families");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.RevocationReason).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}
