using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>The Make Phone Call wizard's input (POST /phoneCalls).</summary>
public sealed record PhoneCallRequest
{
    public string? ContactNo { get; init; }
    public string? SalespersonCode { get; init; }
    public string? Description { get; init; }
    public string? ContactVia { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? TimeOfInteraction { get; init; }
    public Evaluation? Evaluation { get; init; }
    public bool? AttemptFailed { get; init; }
    public decimal? DurationMin { get; init; }
    public string? CampaignNo { get; init; }
    public string? OpportunityNo { get; init; }
    public IReadOnlyList<string>? Comments { get; init; }
}

/// <summary>
/// Rule 58, "Make Phone Call": the interaction template setup's Outg. Calls template (TestField), the number dialled
/// (the contact's phone no., else the mobile phone no.), date today and time now unless given, BC's step-1 checks in
/// BC's order, then the one logging pipeline without delivery (a call is not sent). Dialling itself (TAPI) has no
/// meaning on a server and is left out.
/// </summary>
public sealed class MakePhoneCall(ITouchpointDb db, CreateInteraction create, LogInteraction log, InteractionLogQueue queue, GetInteractionLogEntry read)
{
    /// <summary>The scope of POST /phoneCalls' idempotency keys.</summary>
    public const string IdempotencyScope = "phoneCalls";

    public Task<InteractionLogEntryDto> HandleAsync(PhoneCallRequest request, string userId, CancellationToken ct = default) =>
        HandleAsync(request, userId, idempotencyKey: null, ct);

    /// <summary>With an Idempotency-Key, a retry of the same call gets the first answer and nothing new is logged.</summary>
    public async Task<InteractionLogEntryDto> HandleAsync(PhoneCallRequest request, string userId, string? idempotencyKey, CancellationToken ct = default)
    {
        var key = IdempotencyKey.From(idempotencyKey, IdempotencyScope, request);
        if (await InteractionLogQueue.EarlierAnswerAsync(db, key, ct) is { EntryNo: { } earlier })
        {
            return await read.HandleAsync(earlier, ct);
        }
        var templateCode = await db.InteractionTemplateSetup.AsNoTracking().Select(s => s.OutgoingCalls).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(templateCode))
        {
            throw new DomainException(DomainErrorKind.Invalid, Messages.Get("OutgoingCallsNotSetUp"));
        }
        var contactNo = Codes.Normalize(request.ContactNo)
            ?? throw DomainException.Invalid("contactNo", Messages.Get("SelectContactToInteract"));
        var contact = await db.Contacts.AsNoTracking().Where(c => c.No == contactNo)
            .Select(c => new { c.PhoneNo, c.MobilePhoneNo }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("contactNo", Messages.Get("ContactNotFound", contactNo));
        var template = await db.InteractionTemplates.AsNoTracking().Where(t => t.Code == templateCode)
            .Select(t => new { t.Description }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(DomainErrorKind.Invalid, Messages.Get("InteractionTemplateNotFound", templateCode));

        // Step 1 of BC's wizard, in its order: the number, then Date, Description, Salesperson Code. The number defaults
        // to the contact's; a number sent blank is the user clearing it, refused as BC refuses an empty one.
        var contactVia = (request.ContactVia is null ? Blank(contact.PhoneNo) ?? Blank(contact.MobilePhoneNo) : Blank(request.ContactVia))
            ?? throw DomainException.Invalid("contactVia", Messages.Get("PhoneNoRequired"));
        var errors = new FieldErrors();
        errors.MaxLength("contactVia", contactVia, InteractionLogEntry.ContactViaLength);
        errors.ThrowIfAny();
        var description = Blank(request.Description) ?? Blank(template.Description)
            ?? throw DomainException.Invalid("description", Messages.Get("FieldRequired", Messages.Field("description")));
        if (Codes.Normalize(request.SalespersonCode) is null)
        {
            throw DomainException.Invalid("salespersonCode", Messages.Get("FieldRequired", Messages.Field("salespersonCode")));
        }

        // The rest is the wizard's line (rules 12–16, 19). A call is not correspondence and is never delivered, so it
        // has no correspondence type: the template's e-mail type would otherwise ask for content a call does not have.
        var line = await create.BuildLineAsync(new CreateInteractionRequest
        {
            ContactNo = contactNo,
            InteractionTemplateCode = templateCode,
            SalespersonCode = request.SalespersonCode,
            Date = request.Date,
            TimeOfInteraction = request.TimeOfInteraction,
            Description = description,
            DurationMin = request.DurationMin,
            CorrespondenceType = CorrespondenceType.None,
            Evaluation = request.Evaluation,
            AttemptFailed = request.AttemptFailed,
            CampaignNo = request.CampaignNo,
            OpportunityNo = request.OpportunityNo,
            Comments = request.Comments,
        }, ct);
        var written = await queue.WriteAsync(db, log, new InteractionLogQueue.Request(new LineToLog
        {
            // Checked by BuildLineAsync against the same rows, more strictly than rule 46; a call has no e-mail to adjust.
            Line = line with { ContactVia = contactVia },
            UserId = userId,
            CampaignEntryDescription = Messages.Get("CampaignEntryInteractions"),
            Checked = true,
        }, null, key), ct);
        return await read.HandleAsync(written.Answer.EntryNo!.Value, ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
