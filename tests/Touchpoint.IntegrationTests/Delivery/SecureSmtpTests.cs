using System.Net;
using System.Text.Json;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;
using static Touchpoint.IntegrationTests.Delivery.DeliveryKit;

namespace Touchpoint.IntegrationTests.Delivery;

/// <summary>
/// E-mail delivery over TLS and with a sign-in, as to an internal mail server whose certificate no public CA signed:
/// trusted through <c>Touchpoint:Smtp:TrustedCertificate</c>, refused without it; a refused sign-in or certificate is
/// the entries' error at once, with the reason.
/// </summary>
public sealed class SecureSmtpTests
{
    private const string User = "mailer";
    private const string Password = "Mail-Pass-123";

    private static TestSmtpServer Server(TestSmtpTls tls, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        TestSmtpServer.Start(tls, certificate, new NetworkCredential(User, Password));

    private static Dictionary<string, string?> Settings(string security, string? trusted, string password = Password) => new()
    {
        ["Touchpoint:Smtp:Security"] = security,
        ["Touchpoint:Smtp:UserName"] = User,
        ["Touchpoint:Smtp:Password"] = password,
        ["Touchpoint:Smtp:TrustedCertificate"] = trusted,
    };

    private static async Task<long> SendAsync(InteractionWorld w, string name, string email)
    {
        var contact = await PersonAsync(w, name, email);
        var created = await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = contact, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Spring offer",
            correspondenceType = "email", send = true,
        })).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("entryNo").GetInt64();
    }

    [Theory, SqliteData, PostgresData]
    public async Task Over_starttls_signed_in_and_trusting_the_servers_own_certificate_the_mail_is_delivered(string provider)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.StartTls, certificate),
            settings: Settings("startTls", TestCertificates.PemFile(certificate)));

        var entryNo = await SendAsync(m.W, "Tessa Tls", "tessa@example.test");

        var received = Assert.Single(await ReceivedAsync(m.Smtp));
        Assert.Equal("tessa@example.test", received.Message.To.Mailboxes.Single().Address);
        Assert.True(received.Secure, "the message came over a plain connection");
        Assert.Equal(User, received.User);
        var entry = await DeliveredAsync(m.W, entryNo);
        Assert.Equal("none", entry.Str("deliveryStatus"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("deliveryError").ValueKind);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Over_ssl_on_connect_trusting_the_ca_that_signed_the_servers_certificate_the_mail_is_delivered(string provider)
    {
        using var authority = TestCertificates.Authority();
        using var certificate = TestCertificates.IssuedBy(authority);
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.Implicit, certificate),
            settings: Settings("sslOnConnect", TestCertificates.PemFile(authority)));

        var entryNo = await SendAsync(m.W, "Sven Ssl", "sven@example.test");

        var received = Assert.Single(await ReceivedAsync(m.Smtp));
        Assert.True(received.Secure, "the message came over a plain connection");
        Assert.Equal(User, received.User);
        Assert.Equal("none", (await DeliveredAsync(m.W, entryNo)).Str("deliveryStatus"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_wrong_password_gives_every_entry_an_error_with_the_servers_reason_at_once_and_nothing_is_sent(string provider)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.StartTls, certificate),
            settings: Settings("startTls", TestCertificates.PemFile(certificate), password: "Wrong-Pass-999"));
        var contacts = new[]
        {
            await PersonAsync(m.W, "Willa Wrong", "willa@example.test"), await PersonAsync(m.W, "Wim Wrong", "wim@example.test"),
        };
        var no = await SegmentLogTests.SegmentAsync(m.W, new { description = "Refused", correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        await SegmentLogTests.AddAsync(m.W, no, new { contactNos = contacts });

        var logged = await (await m.W.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).JsonAsync(HttpStatusCode.OK);

        var entries = await SegmentLogTests.EntriesAsync(m.W, $"loggedSegmentEntryNo={logged.GetProperty("loggedSegmentEntryNo").GetInt64()}");
        Assert.Equal(2, entries.Length);
        foreach (var entryNo in entries.Select(e => e.GetProperty("entryNo").GetInt64()))
        {
            // Within the wait of one delivery round: not after the ten attempts a temporary failure gets.
            var error = await ErrorAsync(m, entryNo);
            Assert.Contains("535", error, StringComparison.Ordinal);
            Assert.Contains("authentication failed", error, StringComparison.Ordinal);
            Assert.Contains(User, error, StringComparison.Ordinal);
            Assert.Contains("Touchpoint:Smtp:Password", error, StringComparison.Ordinal);
        }
        Assert.Equal(0, await SorterRowsAsync(m.App));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Without_a_trusted_certificate_a_server_with_a_certificate_of_its_own_is_refused_as_not_trusted(string provider)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.StartTls, certificate), settings: Settings("startTls", null));

        var error = await ErrorAsync(m, await SendAsync(m.W, "Ulla Untrusted", "ulla@example.test"));

        Assert.Contains("certificate (CN=127.0.0.1) is not trusted", error, StringComparison.Ordinal);
        Assert.Contains("Touchpoint:Smtp:TrustedCertificate", error, StringComparison.Ordinal);
        Assert.Equal(0, await SorterRowsAsync(m.App));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_certificate_of_the_trusted_ca_issued_for_another_host_is_refused(string provider)
    {
        using var authority = TestCertificates.Authority();
        using var certificate = TestCertificates.IssuedBy(authority, "mail.elsewhere.test");
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.Implicit, certificate),
            settings: Settings("sslOnConnect", TestCertificates.PemFile(authority)));

        var error = await ErrorAsync(m, await SendAsync(m.W, "Olle Other", "olle@example.test"));

        Assert.Contains("(CN=mail.elsewhere.test) is not issued for 127.0.0.1", error, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_sign_in_the_server_offers_only_over_tls_on_a_plain_connection_is_an_error_saying_so(string provider)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var m = await MailingAsync(provider, Server(TestSmtpTls.StartTls, certificate), settings: Settings("none", null));

        var error = await ErrorAsync(m, await SendAsync(m.W, "Pia Plain", "pia@example.test"));

        Assert.Contains("cannot be used as configured", error, StringComparison.Ordinal);
        Assert.Contains("authentication", error, StringComparison.Ordinal);
        Assert.Contains("Touchpoint:Smtp:Security", error, StringComparison.Ordinal);
    }

    /// <summary>The entry's Delivery Error once its delivery has ended in one; nothing has arrived.</summary>
    private static async Task<string> ErrorAsync(Mailing m, long entryNo)
    {
        var entry = await DeliveredAsync(m.W, entryNo);
        Assert.Equal("error", entry.Str("deliveryStatus"));
        Assert.Empty(m.Smtp.Messages);
        return entry.Str("deliveryError");
    }

    private static async Task<IReadOnlyCollection<TestSmtpReceived>> ReceivedAsync(TestSmtpServer smtp)
    {
        await smtp.WaitForAsync(1);
        return smtp.Received;
    }
}
