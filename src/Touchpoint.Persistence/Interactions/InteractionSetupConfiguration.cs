using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.Interactions;

internal sealed class InteractionGroupConfiguration : IEntityTypeConfiguration<InteractionGroup>
{
    public void Configure(EntityTypeBuilder<InteractionGroup> b)
    {
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasMaxLength(InteractionGroup.CodeLength);
        b.Property(g => g.Description).HasMaxLength(InteractionGroup.DescriptionLength);
    }
}

internal sealed class InteractionTemplateConfiguration : IEntityTypeConfiguration<InteractionTemplate>
{
    public void Configure(EntityTypeBuilder<InteractionTemplate> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(InteractionTemplate.CodeLength);
        b.Property(t => t.InteractionGroupCode).HasMaxLength(InteractionGroup.CodeLength);
        b.Property(t => t.Description).HasMaxLength(InteractionTemplate.DescriptionLength);
        b.Property(t => t.LanguageCodeDefault).HasMaxLength(10);
        b.Property(t => t.CampaignNo).HasMaxLength(20);
        b.HasIndex(t => t.InteractionGroupCode);
        b.HasOne<InteractionGroup>().WithMany().HasForeignKey(t => t.InteractionGroupCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InteractionTemplateSetupConfiguration : IEntityTypeConfiguration<InteractionTemplateSetup>
{
    public void Configure(EntityTypeBuilder<InteractionTemplateSetup> b)
    {
        b.ToTable("InteractionTemplateSetup");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        foreach (var property in typeof(InteractionTemplateSetup).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            b.Property(property.Name).HasMaxLength(InteractionTemplate.CodeLength);
        }
    }
}

internal sealed class InteractionTemplateLanguageConfiguration : IEntityTypeConfiguration<InteractionTemplateLanguage>
{
    public void Configure(EntityTypeBuilder<InteractionTemplateLanguage> b)
    {
        b.HasKey(l => new { l.InteractionTemplateCode, l.LanguageCode });
        b.Property(l => l.InteractionTemplateCode).HasMaxLength(InteractionTemplate.CodeLength);
        b.Property(l => l.LanguageCode).HasMaxLength(InteractionTemplateLanguage.LanguageCodeLength);
        b.Property(l => l.Description).HasMaxLength(InteractionTemplate.DescriptionLength);
        b.HasOne<InteractionTemplate>().WithMany().HasForeignKey(l => l.InteractionTemplateCode).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.AttachmentNo);
    }
}
