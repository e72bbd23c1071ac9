using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Bot;

internal sealed class BotConversationConfiguration : IEntityTypeConfiguration<BotConversation>
{
    public void Configure(EntityTypeBuilder<BotConversation> builder)
    {
        builder.ToTable("BotConversations");
        builder.HasKey(c => c.ConversationId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.PersonAadObjectId).HasMaxLength(64);
        builder.Property(c => c.PersonTeamsUserId).HasMaxLength(256);
        builder.Property(c => c.TeamId).HasMaxLength(256);
        builder.Property(c => c.ChannelId).HasMaxLength(256);
        builder.Property(c => c.Locale).HasMaxLength(32);
        builder.Property(c => c.BotId).HasMaxLength(256);
        builder.HasIndex(c => new { c.PersonAadObjectId, c.Kind });
        builder.HasIndex(c => c.TeamId);
    }
}
