using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Core.Common;

namespace Touchpoint.Persistence.Documents;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => r.Key);
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyLength);
        b.Property(r => r.Scope).HasMaxLength(IdempotencyRecord.ScopeLength);
        b.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.RequestHashLength);
        b.Property(r => r.Reason).HasMaxLength(20);
    }
}
