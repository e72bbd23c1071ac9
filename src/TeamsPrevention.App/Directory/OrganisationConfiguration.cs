using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Directory;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.Property(o => o.Key).HasMaxLength(Organisation.MaxKeyLength);
        builder.Property(o => o.Name).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(o => o.Key).IsUnique();
    }
}
