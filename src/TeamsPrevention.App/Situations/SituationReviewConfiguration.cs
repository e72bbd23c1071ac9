using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationReviewConfiguration : IEntityTypeConfiguration<SituationReview>
{
    public void Configure(EntityTypeBuilder<SituationReview> builder)
    {
        builder.ToTable("SituationReviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.SealedText(r => r.Notes);
    }
}
