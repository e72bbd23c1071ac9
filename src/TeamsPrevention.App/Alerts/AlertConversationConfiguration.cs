using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Alerts;

internal sealed class AlertConversationConfiguration : IEntityTypeConfiguration<AlertConversation>
{
    public void Configure(EntityTypeBuilder<AlertConversation> builder)
    {
        builder.ToTable("AlertConversations");
        builder.HasKey(c => c.PersonId);
        builder.Property(c => c.ConversationId).HasMaxLength(256);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
    }
}
