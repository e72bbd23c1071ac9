using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Meetings;

internal sealed class PoliceFeedbackConfiguration : IEntityTypeConfiguration<PoliceFeedback>
{
    public void Configure(EntityTypeBuilder<PoliceFeedback> builder)
    {
        builder.ToTable("PoliceFeedbacks");
        builder.Property(f => f.SituationCode).HasMaxLength(16);
        builder.SealedText(f => f.Text);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.ItemId).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
