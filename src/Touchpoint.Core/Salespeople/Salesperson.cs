using System.Linq.Expressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

public sealed record SalespersonFields
{
    public Optional<string?> Name { get; init; }
    public Optional<string?> Email { get; init; }
    public Optional<bool?> Blocked { get; init; }
}

public sealed record SalespersonDto(string Code, string Name, string? Email, bool Blocked)
{
    public static readonly Expression<Func<Salesperson, SalespersonDto>> Projection =
        s => new SalespersonDto(s.Code, s.Name, s.Email, s.Blocked);
}

/// <summary>BC table 13 Salesperson/Purchaser. A blocked salesperson cannot be chosen for new work.</summary>
public sealed class Salesperson
{
    public const int CodeLength = 20;
    public const int NameLength = 50;
    public const int EmailLength = 80;

    private Salesperson()
    {
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public bool Blocked { get; private set; }

    public static Salesperson Create(string? code, SalespersonFields fields, FieldErrors errors)
    {
        var salesperson = new Salesperson
        {
            Code = errors.MaxLength("code", errors.Required("code", Codes.Normalize(code)), CodeLength) ?? "",
        };
        salesperson.Apply(fields, errors);
        return salesperson;
    }

    public void Apply(SalespersonFields fields, FieldErrors errors)
    {
        if (fields.Name.IsSet)
        {
            Name = errors.MaxLength("name", fields.Name.Value?.Trim(), NameLength) ?? "";
        }
        if (fields.Email.IsSet)
        {
            Email = errors.MaxLength("email", string.IsNullOrWhiteSpace(fields.Email.Value) ? null : fields.Email.Value.Trim(), EmailLength);
            if (Email is not null && !Email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("email", Messages.Get("EmailNotValid", Email));
            }
        }
        if (fields.Blocked.IsSet)
        {
            Blocked = fields.Blocked.Value ?? false;
        }
    }

    public SalespersonDto ToDto() => new(Code, Name, Email, Blocked);
}
