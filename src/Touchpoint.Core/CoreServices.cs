using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Demo;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core;

/// <summary>The use-case handlers: plain classes, one per use case, resolved from DI by the API, the pages and the CLI.</summary>
public static class CoreServices
{
    public static IServiceCollection AddTouchpointUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<NoSeriesManagement>();
        services.TryAddSingleton(AttachmentSettings.Default);
        services.AddScoped<AttachmentStore>();
        services.TryAddSingleton<Delivery.WordLetterCache>();
        services.AddScoped<Delivery.EntryLetters>();
        services.TryAddSingleton<Delivery.DeliverySignal>();
        services.AddScoped<Delivery.DeliverEmail>();
        services.AddScoped<Delivery.EntryDocument>();
        services.AddScoped<Delivery.PrintLoggedSegment>();
        services.AddScoped<Delivery.ResendAttachments>();
        services.TryAddSingleton<Delivery.HardCopyPdf>();
        services.AddScoped<ChangeNoSeries>();
        services.AddScoped<BaseSetup>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<Audit.ListAuditEntries>();
        services.AddScoped<SeedDemoCompany>();
        services.AddScoped<DemoHistory>();

        services.AddScoped<CreateContact>();
        services.AddScoped<UpdateContact>();
        services.AddScoped<DeleteContact>();
        services.AddScoped<GetContact>();
        services.AddScoped<ListContacts>();
        services.AddScoped<AddBusinessRelation>();
        services.AddScoped<RemoveBusinessRelation>();
        services.AddScoped<ListBusinessRelations>();
        services.AddScoped<ContactNotes>();
        services.AddScoped<GetContactTimeline>();

        services.AddScoped<CreateSalesperson>();
        services.AddScoped<UpdateSalesperson>();
        services.AddScoped<DeleteSalesperson>();
        services.AddScoped<ListSalespeople>();

        services.AddScoped<CreateCampaign>();
        services.AddScoped<UpdateCampaign>();
        services.AddScoped<ListCampaigns>();
        services.AddScoped<ListCampaignEntries>();
        services.AddScoped<CancelCampaignEntry>();
        services.AddScoped<DeleteCanceledCampaignEntries>();
        services.AddScoped<CreateSegment>();
        services.AddScoped<UpdateSegment>();
        services.AddScoped<DeleteSegment>();
        services.AddScoped<ListSegments>();
        services.AddScoped<AddSegmentLine>();
        services.AddScoped<ApplySegmentCriteria>();
        services.AddScoped<SaveSegmentCriteria>();
        services.AddScoped<LogSegment>();
        services.AddScoped<Documents.LogDocument>();
        services.AddSingleton<InteractionLogQueue>();
        services.AddScoped<Documents.ImportDocumentEvents>();
        services.AddScoped<Documents.PrintCoverSheets>();
        services.AddScoped<ListLoggedSegments>();
        services.AddScoped<CancelLoggedSegment>();
        services.AddScoped<DeleteCanceledLoggedSegments>();
        services.AddScoped<UpdateSegmentLine>();
        services.AddScoped<DeleteSegmentLine>();
        services.AddScoped<ListSegmentLines>();
        services.AddScoped<SegmentLanguages>();
        services.AddScoped<ListSegmentLanguages>();
        services.AddScoped<AddSegmentLanguage>();
        services.AddScoped<UpdateSegmentLanguage>();
        services.AddScoped<RemoveSegmentLanguage>();
        services.AddScoped<SetSegmentLanguageAttachment>();

        services.AddScoped<CreateOpportunity>();
        services.AddScoped<UpdateOpportunity>();
        services.AddScoped<ListOpportunities>();

        services.AddScoped<CreateInteractionGroup>();
        services.AddScoped<UpdateInteractionGroup>();
        services.AddScoped<DeleteInteractionGroup>();
        services.AddScoped<ListInteractionGroups>();
        services.AddScoped<CreateInteractionTemplate>();
        services.AddScoped<UpdateInteractionTemplate>();
        services.AddScoped<DeleteInteractionTemplate>();
        services.AddScoped<ListInteractionTemplates>();
        services.AddScoped<AddTemplateLanguage>();
        services.AddScoped<RemoveTemplateLanguage>();
        services.AddScoped<ListTemplateLanguages>();
        services.AddScoped<SetTemplateAttachment>();
        services.AddScoped<GetInteractionTemplateSetup>();
        services.AddScoped<UpdateInteractionTemplateSetup>();
        services.AddScoped<LogInteraction>();
        services.AddScoped<CreateInteraction>();
        services.AddScoped<StartCreateInteraction>();
        services.AddScoped<StartQuickInteraction>();
        services.AddScoped<PreviewInteractionLetter>();
        services.AddScoped<FindInteractionOpportunities>();
        services.AddScoped<GetInteractionLogEntry>();
        services.AddScoped<ListInteractionLogEntries>();
        services.AddScoped<CancelInteractionLogEntries>();
        services.AddScoped<InteractionStatistics>();
        services.AddScoped<InteractionStatisticsOverview>();
        services.AddScoped<RelationshipManagementCues>();
        services.AddScoped<GlobalSearch>();
        services.AddScoped<RecentRecords>();
        services.AddScoped<ResumePostponedInteraction>();
        services.AddScoped<DeletePostponedInteraction>();
        services.AddScoped<DeleteCanceledInteractions>();
        services.AddScoped<EvaluateInteraction>();
        services.AddScoped<InteractionLogEntryComments>();
        services.AddScoped<CreateOpportunityFromEntry>();
        services.AddScoped<GetInteractionAttachment>();
        services.AddScoped<MakePhoneCall>();
        return services;
    }
}
