using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Situations;

internal sealed class NeedToKnowEntryConfiguration : IEntityTypeConfiguration<NeedToKnowEntry>
{
    public void Configure(EntityTypeBuilder<NeedToKnowEntry> builder)
    {
        builder.ToTable("SituationNeedToKnow");
        builder.HasKey(n => new { n.SituationId, n.PersonId });
        builder.HasIndex(n => n.PersonId);
    }
}
