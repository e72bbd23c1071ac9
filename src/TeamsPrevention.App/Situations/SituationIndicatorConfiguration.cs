using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationIndicatorConfiguration : IEntityTypeConfiguration<SituationIndicator>
{
    public void Configure(EntityTypeBuilder<SituationIndicator> builder)
    {
        builder.ToTable("SituationIndicators");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.IndicatorKey).HasMaxLength(64);
        builder.SealedText(i => i.Evidence);
    }
}
