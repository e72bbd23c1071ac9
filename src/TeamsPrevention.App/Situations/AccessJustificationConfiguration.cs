using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class AccessJustificationConfiguration : IEntityTypeConfiguration<AccessJustification>
{
    public void Configure(EntityTypeBuilder<AccessJustification> builder)
    {
        builder.ToTable("SituationJustifications");
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Reason).HasMaxLength(AccessJustification.MaxReasonLength);
        builder.HasIndex(j => j.SituationId);
        builder.HasOne<Situation>().WithMany().HasForeignKey(j => j.SituationId).OnDelete(DeleteBehavior.Cascade);
    }
}
