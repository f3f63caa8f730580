using Microsoft.AspNetCore.Identity;
using Touchpoint.Core.Common;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Users;

/// <summary>
/// Refuses the passwords people pick first: one of the 10,000 most common (common-passwords.txt), also with digits
/// and punctuation before or after it ("Password1234!", "2024qwerty"), in any case. With the minimum length of 12 this
/// is what stops "Password1"-like choices that the character rules let through.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<TouchpointUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<TouchpointUser> manager, TouchpointUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Messages.Get("PasswordTooCommon") })
            : IdentityResult.Success);

    internal static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.Trim(NotLetters(lower));
        return Common.Value.Contains(lower) || (core.Length > 0 && Common.Value.Contains(core));
    }

    private static char[] NotLetters(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Touchpoint.Web.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line);
            }
        }
        return set;
    }
}
