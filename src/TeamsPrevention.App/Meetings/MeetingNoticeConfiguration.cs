using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Meetings;

internal sealed class MeetingNoticeConfiguration : IEntityTypeConfiguration<MeetingNotice>
{
    public void Configure(EntityTypeBuilder<MeetingNotice> builder)
    {
        builder.ToTable("MeetingNotices");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.LeaseOwner).HasMaxLength(64);
        builder.Property(n => n.Failure).HasMaxLength(MeetingNotice.MaxFailureLength);
        builder.HasIndex(n => new { n.MeetingId, n.Kind, n.PersonId, n.OccurrenceStart }).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
