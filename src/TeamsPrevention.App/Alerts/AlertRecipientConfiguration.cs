using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertRecipientConfiguration : IEntityTypeConfiguration<AlertRecipient>
{
    public void Configure(EntityTypeBuilder<AlertRecipient> builder)
    {
        builder.ToTable("AlertRecipients");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ChosenAs).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Answer).HasConversion<string>().HasMaxLength(24);
        builder.HasOne<Alert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        // An answer looks its recipients up by alert and person, or alert and organisation (the alert alone is their prefix).
        builder.HasIndex(r => new { r.AlertId, r.PersonId });
        builder.HasIndex(r => new { r.AlertId, r.OrganisationId });
        builder.HasIndex(r => r.EscalationDueAt);
        builder.HasIndex(r => new { r.AlertId, r.AnsweredAt }); // the card's latest answers, in order
    }
}
