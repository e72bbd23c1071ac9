using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertInstanceConfiguration : IEntityTypeConfiguration<AlertInstance>
{
    public void Configure(EntityTypeBuilder<AlertInstance> builder)
    {
        builder.ToTable("AlertInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(AlertInstance.MaxIdLength);
    }
}
