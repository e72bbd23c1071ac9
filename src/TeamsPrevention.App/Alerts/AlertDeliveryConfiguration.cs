using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("AlertDeliveries");
        builder.Property(d => d.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LeaseOwner).HasMaxLength(64);
        builder.Property(d => d.ConversationId).HasMaxLength(256);
        builder.Property(d => d.ServiceUrl).HasMaxLength(512);
        builder.Property(d => d.ActivityId).HasMaxLength(256);
        builder.Property(d => d.FailureReason).HasMaxLength(AlertDelivery.MaxFailureLength);
        builder.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.AlertId, d.PersonId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
