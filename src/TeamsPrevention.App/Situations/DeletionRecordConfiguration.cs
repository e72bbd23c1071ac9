using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class DeletionRecordConfiguration : IEntityTypeConfiguration<DeletionRecord>
{
    public void Configure(EntityTypeBuilder<DeletionRecord> builder)
    {
        builder.ToTable("SituationDeletions");
        builder.Property(d => d.Code).HasMaxLength(SituationCodes.MaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Category).HasMaxLength(32);
    }
}
