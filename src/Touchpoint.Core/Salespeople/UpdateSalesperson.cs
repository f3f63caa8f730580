using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

public sealed class UpdateSalesperson(ITouchpointDb db)
{
    public async Task<SalespersonDto> HandleAsync(string code, SalespersonFields fields, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var salesperson = await db.Salespeople.FirstOrDefaultAsync(s => s.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
        var errors = new FieldErrors();
        salesperson.Apply(fields, errors);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return salesperson.ToDto();
    }
}
