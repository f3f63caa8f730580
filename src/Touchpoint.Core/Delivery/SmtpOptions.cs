using Microsoft.Extensions.Options;
using MimeKit;

namespace Touchpoint.Core.Delivery;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>StartTLS when the server offers it, else plain (MailKit's Auto on port 25/587, SSL on 465).</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// Configuration section <c>Touchpoint:Smtp</c>: the server that delivers e-mail interactions. Without a host, e-mail
/// is not set up, and a call that would send e-mail is refused (rule 21). The delivery's pace (back-off, attempts,
/// polling) has defaults for production; tests shorten them.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Touchpoint:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// A PEM or DER file with the certificate of a server no public CA vouches for (an internal mail server): the
    /// server's own certificate, or the CA that signed it. Without it, the system's trusted CAs decide, as usual.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>The sender's address; the salesperson's goes in Reply-To.</summary>
    public string? From { get; set; }
    public string? FromName { get; set; }

    /// <summary>The wait after the first temporary failure; each further one waits six times longer (10 s, 1 min, 6 min, 36 min), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Attempts before a temporary failure counts as the entry's error.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the queue is looked at when nothing has woken the worker (another instance's entries, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a worker's claim on a batch holds. A stopped instance's batch is sent by another (or by itself after a
    /// restart) only when its claim has run out; it must stay well beyond a batch's sending time (200 messages).
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>E-mail can be sent: a server is configured.</summary>
    public bool IsSetUp => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt.</summary>
    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * Math.Pow(6, Math.Max(0, attempts - 1))));
}

/// <summary>
/// Refuses, at start-up and naming the key, a server that could never be reached, a sender that is no address or a
/// trusted certificate that cannot be read.
/// </summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsSetUp)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{SmtpOptions.Section}:Port is {options.Port}; it must be between 1 and 65535.");
        }
        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"{SmtpOptions.Section}:Security must be none, startTls, sslOnConnect or auto.");
        }
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From.Trim(), out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{SmtpOptions.Section}:From must be the sender's e-mail address when {SmtpOptions.Section}:Host is set.");
        }
        if (!string.IsNullOrEmpty(options.UserName) && options.Password is null)
        {
            failures.Add($"{SmtpOptions.Section}:Password is needed with {SmtpOptions.Section}:UserName.");
        }
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificate) && !SmtpCertificateTrust.TryLoad(options.TrustedCertificate, out _, out var problem))
        {
            failures.Add(problem);
        }
        if (options.MaxAttempts < 1)
        {
            failures.Add($"{SmtpOptions.Section}:MaxAttempts must be at least 1.");
        }
        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{SmtpOptions.Section}:RetryDelay must be positive and at most {SmtpOptions.Section}:MaxRetryDelay.");
        }
        if (options.ClaimTimeout < TimeSpan.FromSeconds(10))
        {
            failures.Add($"{SmtpOptions.Section}:ClaimTimeout must be at least 10 seconds, longer than a batch takes to send.");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{SmtpOptions.Section}:PollInterval must be positive.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
