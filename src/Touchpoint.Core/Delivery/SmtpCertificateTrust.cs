using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Whether the SMTP server's certificate is trusted: as the system trusts it, or, for a server of one's own with a
/// certificate no public CA signed, as <see cref="SmtpOptions.TrustedCertificate"/> says (the server's certificate
/// itself, or the CA that signed it). Nothing else is accepted: a certificate that is not trusted ends the delivery
/// with a reason saying so rather than sending mail and passwords to whoever answers.
/// </summary>
public sealed class SmtpCertificateTrust(X509Certificate2Collection trusted, string host)
{
    /// <summary>The extended key usage a server certificate needs, as the system's own check asks.</summary>
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>Why the certificate is refused, as the entries' Delivery Error; null when it is trusted.</summary>
    public string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }
        if (certificate is null)
        {
            return Messages.Get("SmtpCertificateNotTrusted", "-", errors);
        }
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        // The configured certificate is the server's own: accepted whatever its name and issuer. Pinning the exact
        // certificate binds the key to this server more tightly than a name would, and an internal server is often
        // reached by an address or alias its certificate does not name. A CA, on the other hand, may have signed
        // certificates for many hosts, so with a CA the name must still match (below).
        if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span)))
        {
            return null;
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return Messages.Get("SmtpCertificateOtherHost", leaf.Subject, host);
        }
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || trusted.Count == 0)
        {
            return Messages.Get("SmtpCertificateNotTrusted", leaf.Subject, Problems(chain, errors));
        }
        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.AddRange(trusted);
        own.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        // An internal CA seldom publishes revocation lists; trusting it is the administrator's explicit choice.
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent along.
            own.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                own.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return own.Build(leaf) ? null : Messages.Get("SmtpCertificateNotTrusted", leaf.Subject, Problems(own, errors));
    }

    private static string Problems(X509Chain? chain, SslPolicyErrors errors)
    {
        var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [];
        return statuses.Count > 0 ? string.Join("; ", statuses) : errors.ToString();
    }

    /// <summary>
    /// The certificates of a PEM file (one or more) or of a DER file (one); else <paramref name="problem"/> says,
    /// naming the key, why there are none.
    /// </summary>
    public static bool TryLoad(string path, [NotNullWhen(true)] out X509Certificate2Collection? certificates,
        [NotNullWhen(false)] out string? problem)
    {
        var key = $"{SmtpOptions.Section}:TrustedCertificate";
        certificates = null;
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"{key} is '{path}'; no such file.";
            return false;
        }
        try
        {
            var loaded = new X509Certificate2Collection();
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                loaded.ImportFromPem(text);
            }
            else
            {
                loaded.Add(X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)));
            }
            if (loaded.Count == 0)
            {
                // A PEM file whose blocks are not certificates (ImportFromPem skips what it cannot read).
                problem = $"{key} is '{path}', which holds no certificate (PEM or DER).";
                return false;
            }
            certificates = loaded;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = $"{key} is '{path}', which holds no certificate (PEM or DER): {e.Message}";
            return false;
        }
    }
}
