using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Secrecy;

internal sealed class SecrecyAcknowledgementConfiguration : IEntityTypeConfiguration<SecrecyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<SecrecyAcknowledgement> builder)
    {
        builder.ToTable("SecrecyAcknowledgements");
        builder.HasKey(a => new { a.PersonObjectId, a.Scope, a.TextVersion });
        builder.Property(a => a.PersonObjectId).HasMaxLength(64);
        builder.Property(a => a.Scope).HasMaxLength(SecrecyAcknowledgement.MaxScopeLength);
    }
}
