using System.Text;
using MimeKit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// The message of one entry (rules 48–49): to the contact's address, from the configured sender with the salesperson's
/// address as Reply-To, the entry's subject (else its description); a Word letter merged as the HTML body, or as a
/// .docx attachment with "Send Word Docs. as Attmt."; an HTML file as the body; any other file attached as it is.
/// The Message-ID is the entry's and its delivery's, the same on every attempt.
/// </summary>
public static class EmailMessage
{
    public static MimeMessage For(EntryToDeliver item, DeliverySorter row, SmtpOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        var entry = item.Entry;
        // Rule 46: the address is read when the mail leaves, so a corrected address is used.
        if (item.Contact is not { Email: { Length: > 0 } email } contact || !MailboxAddress.TryParse(email.Trim(), out var to))
        {
            throw new DeliveryRefusedException(Messages.Get("ContactNeedsEmail", entry.ContactNo));
        }
        var letter = item.Letter ?? throw new DeliveryRefusedException(Messages.Get("NoAttachmentToSend"));
        var from = MailboxAddress.Parse(options.From!.Trim());
        from.Name = string.IsNullOrWhiteSpace(options.FromName) ? from.Name : options.FromName.Trim();
        to.Name = contact.Name;

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        if (item.Salesperson is { Email: { Length: > 0 } replyTo } salesperson && MailboxAddress.TryParse(replyTo.Trim(), out var reply))
        {
            reply.Name = salesperson.Name;
            message.ReplyTo.Add(reply);
        }
        message.Subject = string.IsNullOrWhiteSpace(entry.Subject) ? entry.Description : entry.Subject;
        message.Date = now;
        message.MessageId = $"entry-{entry.EntryNo}.{row.DeliveryId}@{Domain(from.Address)}";

        var body = new BodyBuilder();
        if (letter.Merged && !row.SendWordDocsAsAttmt)
        {
            body.HtmlBody = WordHtml.FromDocx(letter.Content);
        }
        else if (letter.FileExtension is "html" or "htm")
        {
            body.HtmlBody = Encoding.UTF8.GetString(letter.Content);
        }
        else
        {
            body.TextBody = message.Subject;
            body.Attachments.Add(letter.FileName, letter.Content, ContentType.Parse(letter.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "touchpoint.local";
    }
}
