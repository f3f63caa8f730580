using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Users;

public sealed record UserDto(string Id, string Email, IReadOnlyList<string> Roles, string? SalespersonCode, bool LockedOut);

/// <summary>
/// Users and their roles, for admins (the user administration page and /api/v1/users). Lives in the web host because
/// it is ASP.NET Core Identity's business, not the domain's.
/// </summary>
public sealed class UserAdministration(UserManager<TouchpointUser> users, TouchpointDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct = default)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserDto(u.Id, u.Email ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.SalespersonCode, u.LockoutEnd > now)).ToList();
    }

    public async Task<UserDto> CreateAsync(string? email, string? password, IReadOnlyList<string>? roles, string? salespersonCode, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        email = errors.MaxLength("email", errors.Required("email", email?.Trim()), 256);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", Messages.Get("EmailNotValid", email));
        }
        errors.Required("password", password);
        var roleList = (roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (roleList.Count == 0)
        {
            errors.Add("roles", Messages.Get("RolesRequired", string.Join(", ", Roles.All)));
        }
        foreach (var role in roleList.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add("roles", Messages.Get("RoleUnknown", role, string.Join(", ", Roles.All)));
        }
        var salesperson = Codes.Normalize(salespersonCode);
        await References.SalespersonAsync(db, salesperson, "salespersonCode", errors, ct);
        if (password is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new TouchpointUser(), password);
                foreach (var error in result.Errors)
                {
                    errors.Add("password", error.Description);
                }
            }
        }
        errors.ThrowIfAny();
        if (await users.FindByEmailAsync(email!) is not null)
        {
            throw DomainException.Conflict(Messages.Get("UserEmailTaken", email), "email");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new TouchpointUser { UserName = email, Email = email, EmailConfirmed = true, SalespersonCode = salesperson };
        Check(await users.CreateAsync(user, password!));
        Check(await users.AddToRolesAsync(user, roleList));
        await transaction.CommitAsync(ct);
        return new UserDto(user.Id, email!, roleList.Order().ToList(), salesperson, false);
    }

    public async Task SetRolesAsync(string id, IReadOnlyList<string> roles, string? salespersonCode, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw DomainException.NotFound(Messages.Get("UserNotFound", id));
        var errors = new FieldErrors();
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add("roles", Messages.Get("RolesRequired", string.Join(", ", Roles.All)));
        }
        var salesperson = Codes.Normalize(salespersonCode);
        await References.SalespersonAsync(db, salesperson, "salespersonCode", errors, ct);
        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            throw DomainException.Conflict(Messages.Get("LastAdmin"), "roles");
        }
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        user.SalespersonCode = salesperson;
        Check(await users.UpdateAsync(user));
        await transaction.CommitAsync(ct);
    }

    public async Task UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id) ?? throw DomainException.NotFound(Messages.Get("UserNotFound", id));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
