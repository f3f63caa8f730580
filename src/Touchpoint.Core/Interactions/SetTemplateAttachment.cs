using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Uploads, replaces, removes and downloads the attachment of a template language. Rule 5: an existing attachment is
/// replaced only when the caller says so (BC's "Replace existing attachment?", default No) and only when it is not
/// read-only; a file refused for itself is refused before that question is asked. Removing the Word document of the
/// default language resets a Merge wizard action (rule 2). A Word document is opened as a letter before it is stored,
/// and the answer names its merge fields (rule 49).
/// </summary>
public sealed class SetTemplateAttachment(ITouchpointDb db, AttachmentStore attachments, ListTemplateLanguages read)
{
    public async Task<UploadedTemplateLanguageDto> HandleAsync(string templateCode, string languageCode, string? fileName,
        byte[] content, bool replace, CancellationToken ct = default)
    {
        var (template, language) = await FindAsync(templateCode, languageCode, ct);
        // A file that is refused anyway is told so (400, 413, 415), not asked about replacing (409).
        var file = attachments.Check(fileName, content);
        var oldNo = language.AttachmentNo;
        await attachments.CheckReplaceableAsync(oldNo, replace, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var attachment = await attachments.AddAsync(file, ct);
        await db.SaveChangesAsync(ct);
        language.SetAttachment(attachment.No);
        if (template.LanguageCodeDefault == language.LanguageCode)
        {
            template.SetDefaultLanguage(language.LanguageCode, attachment);
        }
        await db.SaveChangesAsync(ct);
        if (oldNo is { } no)
        {
            await attachments.RemoveAsync(no, ct);
        }
        await transaction.CommitAsync(ct);
        return new UploadedTemplateLanguageDto(await read.GetAsync(template.Code, language.LanguageCode, ct), file.Fields);
    }

    public async Task RemoveAsync(string templateCode, string languageCode, CancellationToken ct = default)
    {
        var (template, language) = await FindAsync(templateCode, languageCode, ct);
        if (language.AttachmentNo is not { } no)
        {
            throw DomainException.NotFound(Messages.Get("TemplateLanguageHasNoAttachment", template.Code, language.LanguageCode));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        language.SetAttachment(null);
        if (template.LanguageCodeDefault == language.LanguageCode)
        {
            template.SetDefaultLanguage(language.LanguageCode, null);
        }
        await db.SaveChangesAsync(ct);
        await attachments.RemoveAsync(no, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<(Attachment Attachment, byte[] Content)> ReadAsync(string templateCode, string languageCode, CancellationToken ct = default)
    {
        var (template, language) = await FindAsync(templateCode, languageCode, ct);
        if (language.AttachmentNo is not { } no)
        {
            throw DomainException.NotFound(Messages.Get("TemplateLanguageHasNoAttachment", template.Code, language.LanguageCode));
        }
        return await attachments.ReadAsync(no, ct);
    }

    private async Task<(InteractionTemplate, InteractionTemplateLanguage)> FindAsync(string templateCode, string languageCode, CancellationToken ct)
    {
        templateCode = Codes.Normalize(templateCode) ?? "";
        languageCode = Codes.Normalize(languageCode) ?? "";
        var template = await db.InteractionTemplates.FirstOrDefaultAsync(t => t.Code == templateCode, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionTemplateNotFound", templateCode));
        var language = await db.InteractionTemplateLanguages
            .FirstOrDefaultAsync(l => l.InteractionTemplateCode == templateCode && l.LanguageCode == languageCode, ct)
            ?? throw DomainException.NotFound(Messages.Get("TemplateLanguageNotFound", templateCode, languageCode));
        return (template, language);
    }
}
