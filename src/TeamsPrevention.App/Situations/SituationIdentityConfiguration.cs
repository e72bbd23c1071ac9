using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationIdentityConfiguration : IEntityTypeConfiguration<SituationIdentity>
{
    public void Configure(EntityTypeBuilder<SituationIdentity> builder)
    {
        builder.ToTable("SituationIdentities");
        builder.HasKey(i => i.SituationId);
        builder.Property(i => i.KeyId).HasMaxLength(32);
        builder.HasOne<Situation>().WithOne().HasForeignKey<SituationIdentity>(i => i.SituationId).OnDelete(DeleteBehavior.Cascade);
    }
}
