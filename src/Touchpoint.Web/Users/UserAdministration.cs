using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Users;

public sealed record UserDto(string Id, string Email, IReadOnlyList<string> Roles, string? SalespersonCode, bool Disabled);

/// <summary>
/// Users and their roles, for admins (the user administration page and /api/v1/users). Lives in the web host because
/// it is ASP.NET Core Identity's business, not the domain's. Every creation, change of roles, salesperson or disabled,
/// and password reset or change is in the audit trail (entity user, key the user's e-mail), written in the same
/// transaction as the change; <c>byUserId</c> is who made it (the signed-in user's name, as elsewhere in the trail).
/// </summary>
public sealed class UserAdministration(UserManager<TouchpointUser> users, TouchpointDbContext db, Account.RefreshGrants grants, AuditTrail audit)
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct = default)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return list.Select(u => new UserDto(u.Id, u.Email ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.SalespersonCode, u.Disabled)).ToList();
    }

    public async Task<UserDto> GetAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw NotFound(id);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!)
            .ToListAsync(ct);
        return new UserDto(user.Id, user.Email ?? "", roles.Order().ToList(), user.SalespersonCode, user.Disabled);
    }

    public async Task<UserDto> CreateAsync(string? email, string? password, IReadOnlyList<string>? roles, string? salespersonCode, string? byUserId,
        CancellationToken ct = default)
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
        CheckRoles(roleList, errors);
        var salesperson = Codes.Normalize(salespersonCode);
        await References.SalespersonAsync(db, salesperson, "salespersonCode", errors, ct);
        await CheckPasswordAsync("password", password, errors);
        errors.ThrowIfAny();
        if (await users.FindByEmailAsync(email!) is not null)
        {
            throw DomainException.Conflict(Messages.Get("UserEmailTaken", email), "email");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new TouchpointUser { UserName = email, Email = email, EmailConfirmed = true, SalespersonCode = salesperson };
        Check(await users.CreateAsync(user, password!));
        Check(await users.AddToRolesAsync(user, roleList));
        await AuditAsync(AuditActions.Create, user, AuditTrail.Describe(("roles", string.Join(",", roleList.Order())), ("salespersonCode", salesperson)),
            byUserId, ct);
        await transaction.CommitAsync(ct);
        return new UserDto(user.Id, email!, roleList.Order().ToList(), salesperson, false);
    }

    /// <summary>
    /// Changes what was given of roles, salesperson and disabled. A change of roles or of disabled ends the user's
    /// sessions (new security stamp), so it takes effect at their next request; the last enabled admin can neither
    /// lose the role nor be disabled. The audit line names what changed, with the new values.
    /// </summary>
    public async Task<UserDto> UpdateAsync(string id, Optional<IReadOnlyList<string?>?> roles, Optional<string?> salespersonCode, Optional<bool> disabled,
        string? byUserId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw NotFound(id);
        var errors = new FieldErrors();
        var roleList = roles.IsSet ? (roles.Value ?? []).Select(r => r?.Trim().ToLowerInvariant() ?? "").Distinct().ToList() : null;
        if (roleList is not null)
        {
            CheckRoles(roleList, errors);
        }
        var salesperson = Codes.Normalize(salespersonCode.Or(user.SalespersonCode));
        if (salespersonCode.IsSet)
        {
            await References.SalespersonAsync(db, salesperson, "salespersonCode", errors, ct);
        }
        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        var newRoles = roleList ?? current.ToList();
        var nowDisabled = disabled.Or(user.Disabled);
        var staysAdmin = newRoles.Contains(Roles.Admin) && !nowDisabled;
        if (current.Contains(Roles.Admin) && !user.Disabled && !staysAdmin && await OtherEnabledAdminsAsync(user.Id, ct) == 0)
        {
            throw DomainException.Conflict(Messages.Get(nowDisabled ? "LastAdminDisabled" : "LastAdmin"), nowDisabled && disabled.IsSet ? "disabled" : "roles");
        }
        var rolesChanged = !newRoles.Order().SequenceEqual(current.Order());
        Check(await users.RemoveFromRolesAsync(user, current.Except(newRoles)));
        Check(await users.AddToRolesAsync(user, newRoles.Except(current)));
        var disabledChanged = user.Disabled != nowDisabled;
        var salespersonChanged = user.SalespersonCode != salesperson;
        user.SalespersonCode = salesperson;
        user.Disabled = nowDisabled;
        Check(await users.UpdateAsync(user));
        if (rolesChanged || disabledChanged)
        {
            await EndSessionsAsync(user);
        }
        if (rolesChanged || disabledChanged || salespersonChanged)
        {
            // Only what changed, so that the trail reads "roles=admin,sales; disabled=true" rather than the whole user.
            await AuditAsync(AuditActions.Change, user, AuditTrail.Describe(
                ("roles", rolesChanged ? string.Join(",", newRoles.Order()) : null),
                ("salespersonCode", salespersonChanged ? salesperson ?? "-" : null),
                ("disabled", disabledChanged ? nowDisabled ? "true" : "false" : null)), byUserId, ct);
        }
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Gives the user a new generated password, shown once to the admin, and ends the user's sessions.</summary>
    public async Task<string> ResetPasswordAsync(string id, string? byUserId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw NotFound(id);
        var password = GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Reset with a token so that the user needs no old password; Identity changes the security stamp with it.
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        await grants.RevokeAllAsync(user.Id);
        await AuditAsync(AuditActions.ResetPassword, user, null, byUserId, ct);
        await transaction.CommitAsync(ct);
        return password;
    }

    /// <summary>
    /// The user's own password change: the current password must be right. Every session of the user ends (Identity
    /// changes the security stamp); the caller signs in anew.
    /// </summary>
    public async Task<TouchpointUser> ChangePasswordAsync(string id, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw NotFound(id);
        var errors = new FieldErrors();
        errors.Required("currentPassword", currentPassword);
        errors.MaxLength("currentPassword", currentPassword, 256);
        await CheckPasswordAsync("newPassword", errors.MaxLength("newPassword", errors.Required("newPassword", newPassword), 256), errors);
        errors.ThrowIfAny();
        if (!await users.CheckPasswordAsync(user, currentPassword!))
        {
            throw DomainException.Invalid("currentPassword", Messages.Get("Identity_PasswordMismatch"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.ChangePasswordAsync(user, currentPassword!, newPassword!));
        await grants.RevokeAllAsync(user.Id);
        // Done by the user themself: an admin reading the trail sees that a password changed, and by whom.
        await AuditAsync(AuditActions.ChangePassword, user, null, user.UserName, ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    /// <summary>
    /// Ends every session of the user at their next request: cookies, bearer tokens and refresh tokens all carry the
    /// security stamp that this changes ("sign out", "sign out everywhere").
    /// </summary>
    public async Task EndSessionsAsync(string id)
    {
        var user = await users.FindByIdAsync(id) ?? throw NotFound(id);
        await EndSessionsAsync(user);
    }

    private async Task EndSessionsAsync(TouchpointUser user)
    {
        Check(await users.UpdateSecurityStampAsync(user));
        await grants.RevokeAllAsync(user.Id);
    }

    /// <summary>Letters and digits only, so it can be copied from a terminal; Identity's rules are met by construction.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = System.Security.Cryptography.RandomNumberGenerator.GetItems(alphabet.AsSpan(), 16);
        return "Tp-" + new string(chars) + "7a";
    }

    private Task<int> OtherEnabledAdminsAsync(string id, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         join u in db.Users on ur.UserId equals u.Id
         where r.Name == Roles.Admin && u.Id != id && !u.Disabled
         select u.Id).CountAsync(ct);

    private static void CheckRoles(List<string> roles, FieldErrors errors)
    {
        if (roles.Count == 0)
        {
            errors.Add("roles", Messages.Get("RolesRequired", string.Join(", ", Roles.All)));
        }
        foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add("roles", Messages.Get("RoleUnknown", role, string.Join(", ", Roles.All)));
        }
    }

    private async Task CheckPasswordAsync(string field, string? password, FieldErrors errors)
    {
        if (password is null)
        {
            return;
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new TouchpointUser(), password);
            foreach (var error in result.Errors)
            {
                errors.Add(field, error.Description);
            }
        }
    }

    private static DomainException NotFound(string id) => DomainException.NotFound(Messages.Get("UserNotFound", id));

    /// <summary>The user's audit line, saved with the caller's transaction (Identity has saved its own changes by then).</summary>
    private async Task AuditAsync(string action, TouchpointUser user, string? details, string? byUserId, CancellationToken ct)
    {
        audit.Add(action, AuditEntities.User, AuditKey(user.Email ?? user.UserName ?? user.Id), details, byUserId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A user's key in the audit trail: the e-mail in lower case, as people type it into the filter.</summary>
    public static string AuditKey(string email) => email.Trim().ToLowerInvariant();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
