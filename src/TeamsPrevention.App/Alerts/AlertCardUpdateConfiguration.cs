using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertCardUpdateConfiguration : IEntityTypeConfiguration<AlertCardUpdate>
{
    public void Configure(EntityTypeBuilder<AlertCardUpdate> builder)
    {
        builder.ToTable("AlertCardUpdates");
        builder.HasKey(u => u.AlertId);
        builder.HasOne<Alert>().WithMany().HasForeignKey(u => u.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
