using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationActionConfiguration : IEntityTypeConfiguration<SituationAction>
{
    public void Configure(EntityTypeBuilder<SituationAction> builder)
    {
        builder.ToTable("SituationActions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(Situation.MaxShortTextLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
    }
}
