using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Meetings;

internal sealed class MeetingItemConfiguration : IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MeetingItem> builder)
    {
        builder.ToTable("MeetingItems");
        builder.Property(i => i.SituationCode).HasMaxLength(16);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        builder.SealedText(i => i.Decision);
        builder.HasIndex(i => new { i.MeetingId, i.SituationId }).IsUnique();
    }
}
