using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// One connection to the SMTP server, kept open for a run of messages (connecting and signing in for each would cost
/// more than the message) and opened again after it broke. Used by one worker at a time.
/// </summary>
public sealed class SmtpSession(IOptions<SmtpOptions> options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public SmtpOptions Options => options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var client = await ConnectedAsync(ct);
        await client.SendAsync(message, ct);
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        Drop();
        var settings = options.Value;
        var host = settings.Host!.Trim();
        X509Certificate2Collection? trusted = [];
        // Read on every connection: a renewed certificate is used without a restart.
        if (!string.IsNullOrWhiteSpace(settings.TrustedCertificate) && !SmtpCertificateTrust.TryLoad(settings.TrustedCertificate, out trusted, out var problem))
        {
            throw new SmtpSetupException(problem);
        }
        var client = new SmtpClient { Timeout = 30_000 };
        // Without a trusted certificate this accepts what MailKit's own check accepts, but keeps why it refused.
        var trust = new SmtpCertificateTrust(trusted, host);
        string? refusal = null;
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) => (refusal = trust.Refusal(certificate, chain, errors)) is null;
        try
        {
            await client.ConnectAsync(host, settings.Port, settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            }, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
        }
        catch (SslHandshakeException) when (refusal is not null)
        {
            client.Dispose();
            throw new SmtpSetupException(refusal);
        }
        catch (AuthenticationException e) when (e.InnerException is not SmtpCommandException { StatusCode: < (SmtpStatusCode)500 })
        {
            // Refused for good (535: wrong user name or password), not "try again later" (454).
            client.Dispose();
            throw new SmtpSetupException(Messages.Get("SmtpSignInRefused", settings.UserName!, Sentence(e.Message)));
        }
        catch (NotSupportedException e)
        {
            // The server lacks what the settings ask for: STARTTLS, or a way to sign in (some offer it only over TLS).
            client.Dispose();
            throw new SmtpSetupException(Messages.Get("SmtpServerLacks", Sentence(e.Message)));
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    /// <summary>The server's or MailKit's words, without their full stop: the message around them adds its own.</summary>
    private static string Sentence(string text) => text.Trim().TrimEnd('.');

    /// <summary>Forgets a connection that failed: the next message opens a new one.</summary>
    public void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>Says goodbye to the server when the queue is empty, rather than holding a connection it would time out.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or SmtpProtocolException or OperationCanceledException)
            {
            }
        }
        Drop();
    }

    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None);
}

/// <summary>
/// The server cannot be used as configured (sign-in refused, certificate not trusted, STARTTLS or AUTH not offered):
/// trying again cannot help until the settings or the server change.
/// </summary>
public sealed class SmtpSetupException(string message) : Exception(message);
