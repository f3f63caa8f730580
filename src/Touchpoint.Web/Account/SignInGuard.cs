using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>Configuration section <c>Touchpoint:SignIn</c>: how often one client may try to sign in.</summary>
public sealed class SignInOptions
{
    public const string Section = "Touchpoint:SignIn";

    /// <summary>
    /// Sign-in and refresh requests one client address may make per minute (all accounts together); a burst of as many
    /// is allowed, then one more every 60/N seconds.
    /// </summary>
    public int AttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins one address may make for one e-mail before it must wait <see cref="LockoutMinutes"/>.</summary>
    public int FailuresPerAccount { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>Values that would switch the protection off or lock people out for days are refused at start-up.</summary>
public sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        var errors = new List<string>();
        Check(errors, nameof(SignInOptions.AttemptsPerMinute), options.AttemptsPerMinute, 1, 100_000);
        Check(errors, nameof(SignInOptions.FailuresPerAccount), options.FailuresPerAccount, 1, 1000);
        Check(errors, nameof(SignInOptions.LockoutMinutes), options.LockoutMinutes, 1, 1440);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{SignInOptions.Section}:{key} is {value}; it must be a whole number from {min} to {max}.");
        }
    }
}

/// <summary>Marks the endpoints (and the sign-in page) whose requests count as sign-in attempts.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class SignInAttemptAttribute : Attribute;

/// <summary>The outcome of one sign-in attempt: signed in, refused (one answer whatever the reason), or too many attempts.</summary>
internal enum SignInVerdict
{
    SignedIn,
    Failed,
    TooManyAttempts,
}

/// <summary>
/// Guards password sign-in for the API and the sign-in page alike.
/// <para>
/// Two limits, both in memory: every sign-in and refresh request counts against its client address (ASP.NET Core's rate
/// limiter, a token bucket), and failed passwords count against the pair of e-mail and address. Identity's own lockout
/// is not used: it locks the account for everybody, so anyone who knows the admin's e-mail could keep the admin out
/// forever with five wrong passwords every 15 minutes. Keyed on e-mail and address, a guesser locks out only
/// themselves, and the per-address bucket caps how many accounts one address can try. Neither limit depends on whether
/// the e-mail exists, so a 429 tells nothing about it either.
/// </para>
/// <para>
/// Every refusal is the same 401 with the same text, whether the e-mail is unknown, the password wrong or the user
/// disabled; an unknown e-mail still costs one password hash so that the answer takes as long.
/// </para>
/// <para>
/// The failure that reaches the limit of a pair is written to the audit trail (entity user, key the e-mail as typed, in
/// lower case; details the client address), once per pair and window: the attempts refused while the pair waits write
/// nothing, so a flood of them cannot fill the table.
/// </para>
/// </summary>
internal sealed class SignInGuard : IDisposable
{
    /// <summary>The partition of requests that are not sign-in attempts (no address looks like this).</summary>
    private const string NotAnAttempt = "*";

    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly Lock _failureGate = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SignInGuard> _logger;
    private string? _dummyHash;

    public SignInGuard(IOptions<SignInOptions> options, IServiceScopeFactory scopes, ILogger<SignInGuard> logger)
    {
        _scopes = scopes;
        _logger = logger;
        var o = options.Value;
        var period = TimeSpan.FromSeconds(60d / o.AttemptsPerMinute);
        _addresses = PartitionedRateLimiter.Create<string, string>(key => key == NotAnAttempt
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.AttemptsPerMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
            }));
        var window = TimeSpan.FromMinutes(o.LockoutMinutes);
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.FailuresPerAccount, Window = window, QueueLimit = 0 }));
        AddressLimiter = _addresses.WithTranslatedKey<HttpContext>(c => IsAttempt(c) ? AddressKey(c) : NotAnAttempt, leaveOpen: true);
    }

    /// <summary>
    /// The rate limiter middleware's global limiter: POSTs to endpoints marked <see cref="SignInAttemptAttribute"/>
    /// (sign-in, refresh) per client address; nothing else is limited.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> AddressLimiter { get; }

    /// <summary>
    /// The sign-in page's form post takes a token from its address's bucket itself (it is a page, not an endpoint the
    /// middleware could answer for: it shows the wait in the form). False with the wait when the bucket is empty.
    /// </summary>
    public (bool Allowed, TimeSpan RetryAfter) TakeAddressToken(HttpContext context)
    {
        using var lease = _addresses.AttemptAcquire(AddressKey(context));
        return (lease.IsAcquired, lease.IsAcquired ? TimeSpan.Zero : RetryAfter(lease));
    }

    /// <summary>Signs in with e-mail and password on the sign-in manager's scheme (bearer or cookie).</summary>
    public async Task<(SignInVerdict Verdict, TimeSpan RetryAfter)> PasswordSignInAsync(SignInManager<TouchpointUser> signIn,
        HttpContext context, string email, string password, bool persistent)
    {
        var address = AddressKey(context);
        var key = email.Trim().ToUpperInvariant() + "|" + address;
        // Zero permits asks only whether any are left.
        using (var left = _failures.AttemptAcquire(key, 0))
        {
            if (!left.IsAcquired)
            {
                return (SignInVerdict.TooManyAttempts, RetryAfter(left));
            }
        }
        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        SignInResult result;
        if (user is null)
        {
            result = SignInResult.Failed;
        }
        else
        {
            // lockoutOnFailure false: see the class comment. A user an admin has locked (disabled) is still refused.
            result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: false);
        }
        if (result.Succeeded)
        {
            return (SignInVerdict.SignedIn, TimeSpan.Zero);
        }
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answered without hashing the password: spend the same time as a wrong password does.
            var hasher = signIn.UserManager.PasswordHasher;
            _dummyHash ??= hasher.HashPassword(new TouchpointUser(), Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(user ?? new TouchpointUser(), _dummyHash, password);
        }
        if (TakeFailure(key))
        {
            // Not the request's token: a client that hangs up at once must not keep its lockout out of the trail.
            await AuditLockoutAsync(email, address, known: user is not null);
        }
        return (SignInVerdict.Failed, TimeSpan.Zero);
    }

    /// <summary>
    /// Counts a failure for the pair; true for the one that used the last permit of the window. Taking the permit and
    /// reading what is left happen under one lock, so two failures racing for the last permits cannot both be "the one".
    /// </summary>
    private bool TakeFailure(string key)
    {
        lock (_failureGate)
        {
            using var failure = _failures.AttemptAcquire(key, 1);
            return failure.IsAcquired && _failures.GetStatistics(key)?.CurrentAvailablePermits == 0;
        }
    }

    /// <summary>
    /// Writes the lockout to the audit trail in a scope of its own (a sign-in has no unit of work to join). Nobody did it
    /// on purpose, so the line names no user; the details say whether the e-mail belongs to a user. The failed sign-in
    /// is answered whether or not the line could be written: the lockout is in force either way.
    /// </summary>
    private async Task AuditLockoutAsync(string email, string address, bool known)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var details = AuditTrail.Describe(("address", address == "" ? "-" : address), ("knownUser", known ? "true" : "false"));
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveAsync(AuditActions.Lockout, AuditEntities.User,
                Users.UserAdministration.AuditKey(email), details, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "The sign-in lockout of {Email} from {Address} could not be written to the audit trail", email, address);
        }
    }

    /// <summary>The 429 the rate limiter middleware sends: a problem with the wait in Retry-After.</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = RetryAfter(rejected.Lease);
        await WriteTooManyAsync(context, wait);
    }

    public static async Task WriteTooManyAsync(HttpContext context, TimeSpan wait)
    {
        var seconds = SetRetryAfter(context, wait);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Messages.Get("ProblemTitle_429"),
                Detail = Messages.Get("SignInTooManyAttempts", seconds),
            },
        });
    }

    /// <summary>Sets 429 and Retry-After (whole seconds, at least 1); returns the seconds.</summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    public void Dispose()
    {
        AddressLimiter.Dispose();
        _addresses.Dispose();
        _failures.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    /// <summary>A POST to an endpoint marked as a sign-in attempt; showing the sign-in page costs nothing.</summary>
    private static bool IsAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<SignInAttemptAttribute>() is not null;

    /// <summary>
    /// The client's address (after forwarded headers from known proxies). IPv6 clients are counted per /64, the block one
    /// subscriber usually gets, so that stepping through one's own addresses buys no more attempts.
    /// </summary>
    private static string AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return address.ToString();
    }
}

internal static class SignInProtection
{
    /// <summary>The sign-in limits (<c>Touchpoint:SignIn</c>) and the rate limiter middleware that applies them.</summary>
    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>();
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<SignInGuard>((o, guard) =>
        {
            o.GlobalLimiter = guard.AddressLimiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = SignInGuard.OnRejectedAsync;
        });
        return services;
    }
}
