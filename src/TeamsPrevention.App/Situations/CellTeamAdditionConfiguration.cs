using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class CellTeamAdditionConfiguration : IEntityTypeConfiguration<CellTeamAddition>
{
    public void Configure(EntityTypeBuilder<CellTeamAddition> builder)
    {
        builder.ToTable("CellTeamAdditions");
        builder.HasKey(a => new { a.TeamId, a.UserId });
        builder.Property(a => a.TeamId).HasMaxLength(128);
        builder.Property(a => a.UserId).HasMaxLength(64);
    }
}
