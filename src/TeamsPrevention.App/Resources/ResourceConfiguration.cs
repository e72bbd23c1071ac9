using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Resources;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("Resources");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Title).HasMaxLength(Resource.MaxTitleLength);
        builder.Property(r => r.Summary).HasMaxLength(Resource.MaxSummaryLength);
        builder.Property(r => r.Link).HasMaxLength(Resource.MaxLinkLength);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.PrimitiveCollection(r => r.Tags);
        builder.HasIndex(r => r.OrganisationId);
        builder.HasIndex(r => r.UpdatedAt);
    }
}
