using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

public sealed class CreateSalesperson(ITouchpointDb db)
{
    public async Task<SalespersonDto> HandleAsync(string? code, SalespersonFields fields, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var salesperson = Salesperson.Create(code, fields, errors);
        errors.ThrowIfAny();
        if (await db.Salespeople.AnyAsync(s => s.Code == salesperson.Code, ct))
        {
            throw DomainException.Conflict(Messages.Get("SalespersonExists", salesperson.Code), "code");
        }
        db.Salespeople.Add(salesperson);
        await db.SaveChangesAsync(ct);
        return salesperson.ToDto();
    }
}
