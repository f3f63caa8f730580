using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

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
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host!.Trim(), settings.Port, settings.Security switch
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
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

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
