using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Touchpoint.TestKit;

/// <summary>
/// A real SMTP server on 127.0.0.1 (a free port of its own) that keeps what it is sent. It can refuse a recipient for
/// good (550, like an unknown mailbox) and be stopped and started again on the same port, to be "down" for a while.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string From = "crm@touchpoint.test";
    public const string FromName = "Touchpoint Test";
    public const string RefusedReason = "No such mailbox here";

    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    private TestSmtpServer(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

    /// <summary>Started on a free port.</summary>
    public static TestSmtpServer Start()
    {
        var server = new TestSmtpServer(FreePort());
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
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails after <paramref name="timeout"/>).</summary>
    public async Task<IReadOnlyCollection<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_messages.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{_messages.Count} of {count} messages arrived.");
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
                owner._messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            }
            catch (Exception e) when (e is FormatException or IOException or OperationCanceledException)
            {
                // The sender sees why, as the entry's delivery error, rather than the library's bare 554.
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.TransactionFailed, $"Message not readable: {e.Message}"));
            }
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>
    /// Listens as the library does, but with Nagle's algorithm off on every connection. With it on, each reply waited for
    /// the client's delayed ACK: 40 ms a message, 23 messages a second, where a mail server answers at once (measured
    /// with MailKit against a sink that sets TCP_NODELAY: over 1,000 a second). Plain connections only (no STARTTLS).
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

        private sealed class Pipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
        {
            private readonly NetworkStream _stream = client.GetStream();

            public System.IO.Pipelines.PipeReader Input { get; } = System.IO.Pipelines.PipeReader.Create(client.GetStream());

            public System.IO.Pipelines.PipeWriter Output { get; } = System.IO.Pipelines.PipeWriter.Create(client.GetStream());

            public bool IsSecure => false;

            public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

            public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
                System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The test server speaks plain SMTP only.");

            public void Dispose()
            {
                _stream.Dispose();
                client.Dispose();
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
