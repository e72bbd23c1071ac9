using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Directory;

internal sealed class DeputyshipConfiguration : IEntityTypeConfiguration<Deputyship>
{
    public void Configure(EntityTypeBuilder<Deputyship> builder)
    {
        builder.ToTable("Deputyships");
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.DeputyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.PersonId);
    }
}
