using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Touchpoint.TestKit;

/// <summary>How the test server secures its connections.</summary>
public enum TestSmtpTls
{
    /// <summary>Plain SMTP.</summary>
    None,

    /// <summary>Plain at first, TLS after the client's STARTTLS (port 587 style).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 style).</summary>
    Implicit,
}

/// <summary>A message the server took, and how the session it came in was secured and signed in.</summary>
public sealed record TestSmtpReceived(MimeMessage Message, bool Secure, string? User);

/// <summary>
/// A real SMTP server on 127.0.0.1 (a free port of its own) that keeps what it is sent. It can refuse a recipient for
/// good (550, like an unknown mailbox) and be stopped and started again on the same port, to be "down" for a while. It
/// can speak TLS (STARTTLS or from the start, with a certificate the test made) and require a sign-in (AUTH PLAIN or
/// LOGIN with one user name and password; anything else is answered 535).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string From = "crm@touchpoint.test";
    public const string FromName = "Touchpoint Test";
    public const string RefusedReason = "No such mailbox here";

    private readonly ConcurrentQueue<TestSmtpReceived> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    private readonly TestSmtpTls _tls;
    private readonly X509Certificate2? _certificate;
    private readonly NetworkCredential? _login;

    private TestSmtpServer(int port, TestSmtpTls tls, X509Certificate2? certificate, NetworkCredential? login)
    {
        Port = port;
        _tls = tls;
        _certificate = certificate;
        _login = login;
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => [.. _received.Select(r => r.Message)];

    /// <summary>The messages with how their sessions were secured and signed in.</summary>
    public IReadOnlyCollection<TestSmtpReceived> Received => _received.ToArray();

    /// <summary>
    /// Started on a free port; with <paramref name="tls"/>, secured with <paramref name="certificate"/> (with its key);
    /// with <paramref name="login"/>, taking mail only after that sign-in (offered on plain connections too when
    /// <paramref name="tls"/> is none, else only once secured, as mail servers do).
    /// </summary>
    public static TestSmtpServer Start(TestSmtpTls tls = TestSmtpTls.None, X509Certificate2? certificate = null, NetworkCredential? login = null)
    {
        if (tls != TestSmtpTls.None && certificate is null)
        {
            throw new ArgumentException("A server that speaks TLS needs a certificate.", nameof(certificate));
        }
        var server = new TestSmtpServer(FreePort(), tls, certificate, login);
        server.Resume();
        return server;
    }

    /// <summary>The server answers 550 to this recipient.</summary>
    public void Refuse(string address) => _refused[address] = true;

    /// <summary>The server takes mail for this recipient again.</summary>
    public void Accept(string address) => _refused.TryRemove(address, out _);

    /// <summary>Stops listening: connections are refused until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
    }

    public void Resume()
    {
        if (_server is not null)
        {
            return;
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                if (_tls != TestSmtpTls.None)
                {
                    e.Certificate(_certificate!).IsSecure(_tls == TestSmtpTls.Implicit);
                }
                if (_login is not null)
                {
                    e.AuthenticationRequired().AllowUnsecureAuthentication(_tls == TestSmtpTls.None);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        if (_login is not null)
        {
            services.Add((IUserAuthenticator)new Login(_login));
        }
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails after <paramref name="timeout"/>).</summary>
    public async Task<IReadOnlyCollection<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{_received.Count} of {count} messages arrived.");
            }
            await Task.Delay(25);
        }
        return Messages;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            try
            {
                var message = MimeMessage.Load(stream, cancellationToken);
                owner._received.Enqueue(new TestSmtpReceived(message, context.Pipe.IsSecure,
                    context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            }
            catch (Exception e) when (e is FormatException or IOException or OperationCanceledException)
            {
                // The sender sees why, as the entry's delivery error, rather than the library's bare 554.
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.TransactionFailed, $"Message not readable: {e.Message}"));
            }
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>The one user name and password the server takes (AUTH PLAIN or LOGIN); the library answers 535 to others.</summary>
    private sealed class Login(NetworkCredential login) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == login.UserName && password == login.Password);
    }

    /// <summary>
    /// Listens as the library does, but with Nagle's algorithm off on every connection. With it on, each reply waited for
    /// the client's delayed ACK: 40 ms a message, 23 messages a second, where a mail server answers at once (measured
    /// with MailKit against a sink that sets TCP_NODELAY: over 1,000 a second). The library upgrades a connection to TLS
    /// through <see cref="Pipe.UpgradeAsync"/>: after STARTTLS, or at once on an endpoint that is secure from the start.
    /// </summary>
    private sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : SmtpServer.Net.IEndpointListener
        {
            public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                context.Properties[SmtpServer.Net.EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint;
                return new Pipe(client);
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class Pipe : SmtpServer.IO.ISecurableDuplexPipe
        {
            private readonly TcpClient _client;
            private Stream _stream;

            public Pipe(TcpClient client)
            {
                _client = client;
                _stream = client.GetStream();
                Input = System.IO.Pipelines.PipeReader.Create(_stream);
                Output = System.IO.Pipelines.PipeWriter.Create(_stream);
            }

            public System.IO.Pipelines.PipeReader Input { get; private set; }

            public System.IO.Pipelines.PipeWriter Output { get; private set; }

            public bool IsSecure => _stream is SslStream;

            public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

            public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
            {
                var tls = new SslStream(_stream, leaveInnerStreamOpen: true);
                try
                {
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = certificate,
                        EnabledSslProtocols = protocols,
                        ClientCertificateRequired = false,
                    }, cancellationToken);
                }
                catch
                {
                    await tls.DisposeAsync();
                    throw;
                }
                _stream = tls;
                Input = System.IO.Pipelines.PipeReader.Create(_stream);
                Output = System.IO.Pipelines.PipeWriter.Create(_stream);
            }

            public void Dispose()
            {
                _stream.Dispose();
                _client.Dispose();
            }
        }
    }

    private sealed class Filter(TestSmtpServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken token)
        {
            if (owner._refused.ContainsKey($"{to.User}@{to.Host}"))
            {
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, RefusedReason));
            }
            return Task.FromResult(true);
        }
    }
}
