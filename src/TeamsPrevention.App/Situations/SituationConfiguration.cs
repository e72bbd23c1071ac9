using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

internal sealed class SituationConfiguration : IEntityTypeConfiguration<Situation>
{
    public void Configure(EntityTypeBuilder<Situation> builder)
    {
        builder.ToTable("Situations");
        builder.Property(s => s.Code).HasMaxLength(SituationCodes.MaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ChannelState).HasConversion<string>().HasMaxLength(16);
        builder.SealedText(s => s.SignalText).SealedText(s => s.ReferredTo).SealedText(s => s.ClosureReason);
        builder.Property(s => s.ChannelId).HasMaxLength(256);
        builder.Property(s => s.ChannelName).HasMaxLength(32);
        builder.Property(s => s.ChannelLeaseOwner).HasMaxLength(64);
        builder.Property(s => s.ChannelProblem).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ChannelState, s.ChannelSyncDueAt });
        builder.HasIndex(s => s.RetentionUntil);
        builder.HasMany(s => s.Indicators).WithOne().HasForeignKey(i => i.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.NeedToKnow).WithOne().HasForeignKey(n => n.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Actions).WithOne().HasForeignKey(a => a.SituationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Reviews).WithOne().HasForeignKey(r => r.SituationId).OnDelete(DeleteBehavior.Cascade);
    }
}
