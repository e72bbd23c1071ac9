using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Directory;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(Person.MaxDisplayNameLength);
        builder.Property(p => p.Email).HasMaxLength(Person.MaxEmailLength);
        builder.Property(p => p.TeamsUserId).HasMaxLength(Person.MaxTeamsUserIdLength);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(2);
        builder.HasIndex(p => p.EntraObjectId).IsUnique();
        builder.HasIndex(p => p.TeamsUserId).IsUnique();
        builder.HasOne(p => p.Organisation).WithMany(o => o.People).HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Roles).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
