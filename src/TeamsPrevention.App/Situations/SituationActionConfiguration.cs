using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationActionConfiguration : IEntityTypeConfiguration<SituationAction>
{
    public void Configure(EntityTypeBuilder<SituationAction> builder)
    {
        builder.ToTable("SituationActions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.SealedText(a => a.Description);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
    }
}
