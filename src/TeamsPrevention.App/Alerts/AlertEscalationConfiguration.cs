using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertEscalationConfiguration : IEntityTypeConfiguration<AlertEscalation>
{
    public void Configure(EntityTypeBuilder<AlertEscalation> builder)
    {
        builder.ToTable("AlertEscalations");
        builder.HasOne<Alert>().WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AlertId, e.ToPersonId });
        builder.HasIndex(e => e.RecipientId);
    }
}
