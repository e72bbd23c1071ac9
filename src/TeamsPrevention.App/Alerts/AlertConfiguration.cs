using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.Property(a => a.Reference).HasMaxLength(16);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.SealedText(a => a.Message);
        builder.Property(a => a.SituationCode).HasMaxLength(Alert.MaxSituationCodeLength);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Category).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.SenderPersonId);
    }
}
