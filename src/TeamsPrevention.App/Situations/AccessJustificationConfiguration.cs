using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

internal sealed class AccessJustificationConfiguration : IEntityTypeConfiguration<AccessJustification>
{
    public void Configure(EntityTypeBuilder<AccessJustification> builder)
    {
        builder.ToTable("SituationJustifications");
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.SealedText(j => j.Reason);
        builder.HasIndex(j => j.SituationId);
        builder.HasOne<Situation>().WithMany().HasForeignKey(j => j.SituationId).OnDelete(DeleteBehavior.Cascade);
    }
}
