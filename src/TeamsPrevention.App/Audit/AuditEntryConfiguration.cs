using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The table name, also used by the guard triggers and the append statement.</summary>
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(AuditRecord.MaxActorLength);
        builder.Property(e => e.ActorRole).HasMaxLength(AuditRecord.MaxRoleLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.SituationCode).HasMaxLength(AuditRecord.MaxSituationCodeLength);
        builder.Property(e => e.TargetType).HasMaxLength(AuditRecord.MaxTargetTypeLength);
        builder.Property(e => e.TargetId).HasMaxLength(AuditRecord.MaxTargetIdLength);
        builder.Property(e => e.Purpose).HasMaxLength(AuditRecord.MaxPurposeLength);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.KeyId).HasMaxLength(AuditKeyRing.MaxKeyIdLength);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.SituationCode);
        builder.HasIndex(e => e.Actor);
    }
}
