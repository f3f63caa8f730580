using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// What an entry is made from: BC's Segment Line, the one shape that the wizard, a segment, a phone call and a printed
/// document all hand to <see cref="LogInteraction"/>.
/// </summary>
public sealed record InteractionLine
{
    public required string ContactNo { get; init; }
    public string? ContactCompanyNo { get; init; }
    public required string InteractionTemplateCode { get; init; }
    public string InteractionGroupCode { get; init; } = "";
    public string? SalespersonCode { get; init; }
    public required DateOnly Date { get; init; }
    public required TimeOnly TimeOfInteraction { get; init; }
    public string Description { get; init; } = "";
    public string? Subject { get; init; }
    public InformationFlow InformationFlow { get; init; }
    public InitiatedBy InitiatedBy { get; init; }
    public decimal CostLcy { get; init; }
    public decimal DurationMin { get; init; }
    public CorrespondenceType CorrespondenceType { get; init; }
    public string? LanguageCode { get; init; }
    public Evaluation Evaluation { get; init; }
    public bool AttemptFailed { get; init; }
    public string? CampaignNo { get; init; }
    public bool CampaignTarget { get; init; }
    public bool CampaignResponse { get; init; }
    public string? OpportunityNo { get; init; }
    public string? SegmentNo { get; init; }
    public DocumentType DocumentType { get; init; }
    public string? DocumentNo { get; init; }
    public int VersionNo { get; init; }

    /// <summary>BC's Doc. No. Occurrence: which of the documents that had this number (a number may be used again).</summary>
    public int DocNoOccurrence { get; init; }
    public string? ContactVia { get; init; }
    public long? AttachmentNo { get; init; }
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>The logged segment the line was logged with (rule 44).</summary>
    public long? LoggedSegmentEntryNo { get; init; }

    /// <summary>Rule 44: logged with "Send", a line with a correspondence type starts as In Progress.</summary>
    public DeliveryStatus DeliveryStatus { get; init; }
}

/// <summary>
/// BC table 5065 Interaction Log Entry: one interaction with a contact. Written once by the logging pipeline; after
/// that only its status moves (canceled, evaluation, delivery), each move guarded here. Cancel and uncancel are
/// attributed (who, when), which BC does not record.
/// </summary>
public sealed class InteractionLogEntry
{
    public const int DescriptionLength = 100;
    public const int ContactViaLength = 80;
    public const int DeliveryErrorLength = 500;

    private InteractionLogEntry()
    {
    }

    public long EntryNo { get; private set; }
    public string ContactNo { get; private set; } = "";
    public string? ContactCompanyNo { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly TimeOfInteraction { get; private set; }
    public string Description { get; private set; } = "";
    public string? Subject { get; private set; }
    public InformationFlow InformationFlow { get; private set; }
    public InitiatedBy InitiatedBy { get; private set; }
    public long? AttachmentNo { get; private set; }
    public decimal CostLcy { get; private set; }
    public decimal DurationMin { get; private set; }
    public string UserId { get; private set; } = "";
    public string InteractionGroupCode { get; private set; } = "";
    public string InteractionTemplateCode { get; private set; } = "";
    public string? CampaignNo { get; private set; }
    public long? CampaignEntryNo { get; private set; }
    public bool CampaignResponse { get; private set; }
    public bool CampaignTarget { get; private set; }
    public string? SegmentNo { get; private set; }
    public long? LoggedSegmentEntryNo { get; private set; }
    public Evaluation Evaluation { get; private set; }
    public bool AttemptFailed { get; private set; }
    public string? SalespersonCode { get; private set; }
    public DeliveryStatus DeliveryStatus { get; private set; }

    /// <summary>When the last delivery succeeded (rule 48: sent), else null.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Why the last delivery failed (rule 48: Error), else null.</summary>
    public string? DeliveryError { get; private set; }
    public bool Canceled { get; private set; }
    public CorrespondenceType CorrespondenceType { get; private set; }
    public DocumentType DocumentType { get; private set; }
    public string? DocumentNo { get; private set; }
    public int VersionNo { get; private set; }
    public int DocNoOccurrence { get; private set; }
    public string? ContactVia { get; private set; }
    public string? InteractionLanguageCode { get; private set; }
    public string? OpportunityNo { get; private set; }
    public bool Postponed { get; private set; }
    public bool HasComments { get; private set; }
    public string? CanceledBy { get; private set; }
    public DateTimeOffset? CanceledAt { get; private set; }

    /// <summary>Rule 17 (CopyFromSegment): every line field, the language as the interaction language, the user.</summary>
    public static InteractionLogEntry From(InteractionLine line, string userId, bool postponed, long? campaignEntryNo)
    {
        var entry = new InteractionLogEntry();
        entry.Fill(line, userId, postponed, campaignEntryNo);
        return entry;
    }

    /// <summary>
    /// Rule 27: finishing (or postponing again) a postponed interaction completes this same entry, its number kept,
    /// every field copied anew from the wizard's line.
    /// </summary>
    public void Resume(InteractionLine line, string userId, bool postponed, long? campaignEntryNo)
    {
        if (!Postponed)
        {
            throw DomainException.Conflict(Messages.Get("EntryNotPostponed", EntryNo));
        }
        Fill(line, userId, postponed, campaignEntryNo);
    }

    private void Fill(InteractionLine line, string userId, bool postponed, long? campaignEntryNo)
    {
        ContactNo = line.ContactNo;
        ContactCompanyNo = line.ContactCompanyNo;
        Date = line.Date;
        TimeOfInteraction = line.TimeOfInteraction;
        Description = line.Description;
        Subject = line.Subject;
        InformationFlow = line.InformationFlow;
        InitiatedBy = line.InitiatedBy;
        AttachmentNo = line.AttachmentNo;
        // The columns hold two decimals (BC's amounts); rounding here keeps the stored entry and its totals equal. Every
        // path that logs (wizard, segments, phone calls, documents, imports) ends here, so the range is guarded here too.
        var errors = new FieldErrors();
        Amounts.Check(line.CostLcy, "costLcy", errors);
        Amounts.Check(line.DurationMin, "durationMin", errors);
        errors.ThrowIfAny();
        CostLcy = decimal.Round(line.CostLcy, 2, MidpointRounding.AwayFromZero);
        DurationMin = decimal.Round(line.DurationMin, 2, MidpointRounding.AwayFromZero);
        UserId = userId;
        InteractionGroupCode = line.InteractionGroupCode;
        InteractionTemplateCode = line.InteractionTemplateCode;
        CampaignNo = line.CampaignNo;
        CampaignEntryNo = campaignEntryNo;
        CampaignResponse = line.CampaignResponse;
        CampaignTarget = line.CampaignTarget;
        SegmentNo = line.SegmentNo;
        Evaluation = line.Evaluation;
        AttemptFailed = line.AttemptFailed;
        SalespersonCode = line.SalespersonCode;
        CorrespondenceType = line.CorrespondenceType;
        DocumentType = line.DocumentType;
        DocumentNo = line.DocumentNo;
        VersionNo = line.VersionNo;
        DocNoOccurrence = line.DocNoOccurrence;
        ContactVia = line.ContactVia;
        InteractionLanguageCode = line.LanguageCode;
        OpportunityNo = line.OpportunityNo;
        LoggedSegmentEntryNo = line.LoggedSegmentEntryNo;
        DeliveryStatus = line.DeliveryStatus;
        Postponed = postponed;
        HasComments = line.Comments.Count > 0;
    }

    /// <summary>The number the database gave the entry on the bulk path, which returns the numbers in the order written.</summary>
    internal void Numbered(long entryNo) => EntryNo = entryNo;

    /// <summary>The line the entry was made from (rule 50: a resent entry is logged again from it).</summary>
    public InteractionLine ToLine() => new()
    {
        ContactNo = ContactNo,
        ContactCompanyNo = ContactCompanyNo,
        InteractionTemplateCode = InteractionTemplateCode,
        InteractionGroupCode = InteractionGroupCode,
        SalespersonCode = SalespersonCode,
        Date = Date,
        TimeOfInteraction = TimeOfInteraction,
        Description = Description,
        Subject = Subject,
        InformationFlow = InformationFlow,
        InitiatedBy = InitiatedBy,
        CostLcy = CostLcy,
        DurationMin = DurationMin,
        CorrespondenceType = CorrespondenceType,
        LanguageCode = InteractionLanguageCode,
        Evaluation = Evaluation,
        AttemptFailed = AttemptFailed,
        CampaignNo = CampaignNo,
        CampaignTarget = CampaignTarget,
        CampaignResponse = CampaignResponse,
        OpportunityNo = OpportunityNo,
        SegmentNo = SegmentNo,
        DocumentType = DocumentType,
        DocumentNo = DocumentNo,
        VersionNo = VersionNo,
        DocNoOccurrence = DocNoOccurrence,
        ContactVia = ContactVia,
        AttachmentNo = AttachmentNo,
        LoggedSegmentEntryNo = LoggedSegmentEntryNo,
    };

    /// <summary>Rule 50: delivered again (resent); canceled and postponed entries are not sent.</summary>
    public void StartDelivery()
    {
        if (Canceled || Postponed)
        {
            throw DomainException.Conflict(Messages.Get("NothingToResend"));
        }
        DeliveryStatus = DeliveryStatus.InProgress;
        DeliveryError = null;
    }

    public void Cancel(string userId, DateTimeOffset now)
    {
        if (Postponed)
        {
            throw DomainException.Conflict(Messages.Get("EntryPostponedCannotCancel", EntryNo));
        }
        Canceled = true;
        CanceledBy = userId;
        CanceledAt = now;
    }

    /// <summary>
    /// Rule 29: a canceled entry may let go of its attachment; the caller removes the file when nothing else uses it.
    /// A live entry keeps its file, so what was sent stays readable.
    /// </summary>
    public void RemoveAttachment()
    {
        if (!Canceled || Postponed)
        {
            throw DomainException.Conflict(Messages.Get("EntryNotCanceledKeepsAttachment", EntryNo));
        }
        AttachmentNo = null;
    }

    /// <summary>Rule 23 ("Evaluate Interaction"): one of the five evaluations; a postponed entry is finished first.</summary>
    public void Evaluate(Evaluation evaluation)
    {
        if (Postponed)
        {
            throw DomainException.Conflict(Messages.Get("EntryPostponedFinishFirst", EntryNo));
        }
        if (evaluation == Evaluation.None || !Enum.IsDefined(evaluation))
        {
            throw DomainException.Invalid("evaluation", Messages.Get("EvaluationChoose"));
        }
        Evaluation = evaluation;
    }

    /// <summary>Rules 32 and 60: an opportunity comes only from a logged entry that is not canceled and has none yet.</summary>
    public void CheckCanCreateOpportunity()
    {
        if (Postponed)
        {
            throw DomainException.Conflict(Messages.Get("EntryPostponedFinishFirst", EntryNo));
        }
        if (Canceled)
        {
            throw DomainException.Conflict(Messages.Get("EntryCanceledNoOpportunity", EntryNo));
        }
        if (OpportunityNo is not null)
        {
            throw DomainException.Conflict(Messages.Get("EntryHasOpportunity", EntryNo, OpportunityNo));
        }
    }

    /// <summary>BC's Comment FlowField, kept as a flag: set when a comment line is added.</summary>
    public void MarkHasComments() => HasComments = true;

    /// <summary>BC's Comment FlowField, kept as a flag: cleared when the last comment line is deleted.</summary>
    public void MarkHasNoComments() => HasComments = false;

    /// <summary>Rule 30: the caller has checked that the entry's campaign entry and logged segment are not canceled.</summary>
    public void Uncancel(string userId, DateTimeOffset now)
    {
        Canceled = false;
        CanceledBy = userId;
        CanceledAt = now;
    }
}

/// <summary>BC table 5123 Inter. Log Entry Comment Line.</summary>
public sealed class InteractionLogEntryComment
{
    public const int CommentLength = 80;

    private InteractionLogEntryComment()
    {
    }

    /// <summary>
    /// BC's blank date (0D): rule 1.6 leaves a new line's Date blank when another line of the entry already has the
    /// work date. The column is not nullable, so the blank is stored as this value and shown as null.
    /// </summary>
    public static readonly DateOnly NoDate = DateOnly.MinValue;

    public InteractionLogEntryComment(long entryNo, int lineNo, DateOnly date, string comment, DateOnly? lastDateModified = null)
    {
        EntryNo = entryNo;
        LineNo = lineNo;
        Date = date;
        Comment = comment;
        LastDateModified = lastDateModified ?? date;
    }

    public long EntryNo { get; private set; }
    public int LineNo { get; private set; }
    public DateOnly Date { get; private set; }
    public string Comment { get; private set; } = "";
    public DateOnly LastDateModified { get; private set; }

    /// <summary>
    /// BC's Inter. Log Entry Comment Sheet edits a line's Date and Comment in place; its OnModify stamps Last Date
    /// Modified with the work date. A blank date is <see cref="NoDate"/>.
    /// </summary>
    public void Change(DateOnly date, string comment, DateOnly workDate)
    {
        Date = date;
        Comment = comment;
        LastDateModified = workDate;
    }
}
