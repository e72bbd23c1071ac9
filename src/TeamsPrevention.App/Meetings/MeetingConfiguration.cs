using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.SyncState).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Organizer).HasMaxLength(320);
        builder.Property(m => m.EventId).HasMaxLength(512);
        builder.Property(m => m.JoinUrl).HasMaxLength(2048);
        builder.Property(m => m.SyncProblem).HasMaxLength(400);
        builder.Property(m => m.SyncFailure).HasMaxLength(32);
        builder.Property(m => m.SyncLeaseOwner).HasMaxLength(128);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.StartAt);
        builder.HasIndex(m => m.SyncState);
        builder.HasIndex(m => m.NextSyncAt);
    }
}
