using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// One round of e-mail delivery (rules 48–49): claims due rows of the delivery sorter, sends one message per entry over
/// one SMTP connection, then marks each: sent → the row goes, the entry's Delivery Status is blank again with the time
/// it was delivered; refused by the server for good (5xx) → Error with the server's reason; a temporary failure (4xx,
/// server unreachable) → tried again later, waiting longer each time, until <see cref="SmtpOptions.MaxAttempts"/>; a
/// server that cannot be used as configured (<see cref="SmtpSetupException"/>) → Error with the reason at once.
/// Delivery is at least once: a crash between sending and marking leaves the row claimed; when its claim runs out it
/// is sent again (the same Message-ID, so a mail client shows one).
/// </summary>
public sealed class DeliverEmail(ITouchpointDb db, IDeliverySorterClaims claims, EntryLetters letters, TimeProvider clock, ILogger<DeliverEmail> logger)
{
    /// <summary>Rows claimed at once: large enough to keep the connection busy, small enough to mark quickly.</summary>
    public const int BatchSize = 200;

    /// <summary>
    /// Outcomes are marked after every this many messages, not once per batch: a crash then sends again at most the
    /// messages sent since the last mark (measured: 179 of a 200-message batch before), for a few more short transactions.
    /// </summary>
    public const int MarkEvery = 25;

    /// <summary>Delivers one batch; returns how many rows it claimed (0: nothing is due).</summary>
    public async Task<int> RunAsync(SmtpSession smtp, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await claims.ClaimAsync(db, CorrespondenceType.Email, worker, now.ToUnixTimeMilliseconds(),
            (now + smtp.Options.ClaimTimeout).ToUnixTimeMilliseconds(), BatchSize, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var rows = await db.DeliverySorter.AsNoTracking().Where(d => claimed.Contains(d.EntryNo)).ToDictionaryAsync(d => d.EntryNo, ct);
        var outcomes = new List<Outcome>(claimed.Count);
        // What every further message of the batch gets once the server cannot be used (connection broken, settings wrong).
        var rest = ((Result Result, string Reason)?)null;
        var delivered = 0;
        foreach (var item in await letters.ForEntriesAsync(claimed, ct))
        {
            if (outcomes.Count == MarkEvery)
            {
                delivered += await MarkAsync(outcomes, smtp.Options, worker, ct);
                outcomes.Clear();
            }
            var row = rows[item.Entry.EntryNo];
            if (rest is { } unusable)
            {
                outcomes.Add(new Outcome(row, unusable.Result, unusable.Reason));
                continue;
            }
            MimeMessage message;
            try
            {
                message = EmailMessage.For(item, row, smtp.Options, clock.GetUtcNow());
            }
            catch (DeliveryRefusedException e)
            {
                outcomes.Add(new Outcome(row, Result.Failed, e.Message));
                continue;
            }
            try
            {
                await smtp.SendAsync(message, ct);
                outcomes.Add(new Outcome(row, Result.Sent, null));
            }
            catch (SmtpSetupException e)
            {
                // Sign-in refused, certificate not trusted, STARTTLS not offered: trying again cannot help until an
                // administrator changes the settings or the server, and silent retries would hide the reason for hours.
                // So the entries get it as their error at once; once it is fixed, Resend (rule 50) sends them.
                smtp.Drop();
                rest = (Result.Failed, e.Message);
                outcomes.Add(new Outcome(row, Result.Failed, e.Message));
            }
            catch (SmtpCommandException e)
            {
                var reason = $"{(int)e.StatusCode} {e.Message}";
                outcomes.Add(new Outcome(row, (int)e.StatusCode >= 500 ? Result.Failed : Result.Retry, reason));
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                or AuthenticationException or SslHandshakeException or TimeoutException
                || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // The server is unreachable or the connection broke (or refused the sign-in for now, 454): this and the
                // rest of the batch wait for the next try.
                smtp.Drop();
                rest = (Result.Retry, e.Message);
                outcomes.Add(new Outcome(row, Result.Retry, e.Message));
            }
        }
        // An entry deleted meanwhile (canceled and deleted, rule 33) took its row with it; nothing to mark.
        delivered += await MarkAsync(outcomes, smtp.Options, worker, ct);
        if (delivered > 0)
        {
            logger.LogInformation("Delivered {Count} e-mail(s)", delivered);
        }
        return claimed.Count;
    }

    private enum Result
    {
        Sent,
        Failed,
        Retry,
    }

    private sealed record Outcome(DeliverySorter Row, Result Result, string? Reason);

    /// <summary>
    /// The outcomes in one short transaction, set-based: the sent ones with two statements for the whole batch. Only
    /// rows this worker still holds are marked.
    /// </summary>
    private async Task<int> MarkAsync(List<Outcome> outcomes, SmtpOptions options, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sent = outcomes.Where(o => o.Result == Result.Sent).Select(o => o.Row.EntryNo).ToList();
        if (sent.Count > 0)
        {
            await db.InteractionLogEntries.Where(e => sent.Contains(e.EntryNo)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.DeliveryStatus, DeliveryStatus.None)
                .SetProperty(e => e.DeliveredAt, now)
                .SetProperty(e => e.DeliveryError, (string?)null), ct);
            await db.DeliverySorter.Where(d => sent.Contains(d.EntryNo) && d.ClaimedBy == worker).ExecuteDeleteAsync(ct);
        }
        foreach (var outcome in outcomes.Where(o => o.Result != Result.Sent))
        {
            var entryNo = outcome.Row.EntryNo;
            var attempts = outcome.Row.Attempts + 1;
            var reason = Cut(outcome.Reason ?? "", DeliverySorter.LastErrorLength);
            if (outcome.Result == Result.Failed || attempts >= options.MaxAttempts)
            {
                logger.LogWarning("E-mail of entry {EntryNo} not delivered after {Attempts} attempt(s): {Reason}", entryNo, attempts, reason);
                await db.InteractionLogEntries.Where(e => e.EntryNo == entryNo).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.DeliveryStatus, DeliveryStatus.Error)
                    .SetProperty(e => e.DeliveryError, reason), ct);
                await db.DeliverySorter.Where(d => d.EntryNo == entryNo && d.ClaimedBy == worker).ExecuteDeleteAsync(ct);
            }
            else
            {
                var next = (now + options.DelayAfter(attempts)).ToUnixTimeMilliseconds();
                logger.LogInformation("E-mail of entry {EntryNo} will be tried again (attempt {Attempts}): {Reason}", entryNo, attempts, reason);
                await db.DeliverySorter.Where(d => d.EntryNo == entryNo && d.ClaimedBy == worker).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.NextAttemptAt, next)
                    .SetProperty(d => d.ClaimedUntil, (long?)null)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.LastError, reason), ct);
            }
        }
        await transaction.CommitAsync(ct);
        return sent.Count;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>An entry that cannot be sent as it is (no address, no letter): its Error, without asking the server.</summary>
public sealed class DeliveryRefusedException(string message) : Exception(message);
