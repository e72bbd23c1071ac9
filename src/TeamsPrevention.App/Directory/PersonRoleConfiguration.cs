using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Directory;

internal sealed class PersonRoleConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.ToTable("PersonRoles");
        builder.HasKey(r => new { r.PersonId, r.Role });
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => r.Role);
    }
}
