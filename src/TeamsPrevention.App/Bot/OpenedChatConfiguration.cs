using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Bot;

internal sealed class OpenedChatConfiguration : IEntityTypeConfiguration<OpenedChat>
{
    public void Configure(EntityTypeBuilder<OpenedChat> builder)
    {
        // The table keeps the name it had when only alerts opened chats: renaming it needs a migration of its own.
        builder.ToTable("AlertConversations");
        builder.HasKey(c => c.PersonId);
        builder.Property(c => c.ConversationId).HasMaxLength(256);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
    }
}
