using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Interactions;

/// <summary>Interaction setup: groups, templates, template languages and their attachments, the template setup.</summary>
internal static class InteractionSetupApi
{
    private static readonly string[] TemplateFields =
    [
        "code", "interactionGroupCode", "description", "unitCostLcy", "unitDurationMin", "informationFlow", "initiatedBy",
        "correspondenceTypeDefault", "wizardAction", "ignoreContactCorresType", "languageCodeDefault", "campaignNo",
        "campaignTarget", "campaignResponse", "createLanguage",
        // read-only, accepted so that a GET result can be sent back as it is
        "hasAttachment",
    ];

    public static void MapInteractionSetup(this RouteGroupBuilder api)
    {
        MapGroups(api.MapGroup("/interactionGroups").WithTags("Interaction groups"));
        MapTemplates(api.MapGroup("/interactionTemplates").WithTags("Interaction templates"), AttachmentUploads.RequestLimit(api));

        var setup = api.MapGroup("/interactionTemplateSetup").WithTags("Interaction template setup");
        setup.MapGet("/", async (GetInteractionTemplateSetup get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(ct)))
            .WithSummary("Which template records each kind of document (null: not recorded)");
        setup.MapPatch("/", async (HttpRequest request, ClaimsPrincipal user, UpdateInteractionTemplateSetup update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow([.. InteractionTemplateSetupFields.Keys]);
            var changes = InteractionTemplateSetupFields.Keys.Where(body.Has).ToDictionary(k => k, k => body.Value<string?>(k));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(changes, user.UserId(), ct));
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<Dictionary<string, string?>>()
        .WithSummary("Set templates for kinds of documents; a template with languages is refused (rule 53)");
    }

    private static void MapGroups(RouteGroupBuilder groups)
    {
        groups.MapGet("/", async (ListInteractionGroups list, string? search, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, limit, cursor, ct)));
        groups.MapGet("/{code}", async (string code, ListInteractionGroups list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(code, ct)));
        groups.MapPost("/", async (HttpRequest request, CreateInteractionGroup create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code", "description");
            var code = body.Value<string?>("code");
            var description = body.Get<string?>("description");
            body.ThrowIfErrors();
            var group = await create.HandleAsync(code, description, ct);
            return TypedResults.Created($"/api/v1/interactionGroups/{Uri.EscapeDataString(group.Code)}", group);
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<InteractionGroupDto>();
        groups.MapPatch("/{code}", async (string code, HttpRequest request, UpdateInteractionGroup update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("code", "description");
            body.RefuseChange("code", code, Messages.Get("CodeCannotChange", Messages.Field("code")));
            var description = body.Get<string?>("description");
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(code, description, ct));
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<InteractionGroupDto>();
        groups.MapDelete("/{code}", async (string code, DeleteInteractionGroup delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(code, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.AdminPolicy);
    }

    private static void MapTemplates(RouteGroupBuilder templates, long uploadLimit)
    {
        templates.MapGet("/", async (ListInteractionTemplates list, string? search, string? interactionGroupCode, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(search, interactionGroupCode, limit, cursor, ct)));
        templates.MapGet("/{code}", async (string code, ListInteractionTemplates list, CancellationToken ct) =>
            TypedResults.Ok(await list.GetAsync(code, ct)));
        templates.MapPost("/", async (HttpRequest request, CreateInteractionTemplate create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(TemplateFields);
            var fields = ReadTemplate(body);
            var code = body.Value<string?>("code");
            var createLanguage = body.Value<bool?>("createLanguage") ?? true;
            body.ThrowIfErrors();
            var template = await create.HandleAsync(code, fields, createLanguage, ct);
            return TypedResults.Created($"/api/v1/interactionTemplates/{Uri.EscapeDataString(template.Code)}", template);
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<InteractionTemplateDto>()
        .WithSummary("Create a template; a default language it does not have yet is created (createLanguage=false refuses instead)");
        templates.MapPatch("/{code}", async (string code, HttpRequest request, UpdateInteractionTemplate update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(TemplateFields);
            body.RefuseChange("code", code, Messages.Get("CodeCannotChange", Messages.Field("code")));
            var fields = ReadTemplate(body);
            var createLanguage = body.Value<bool?>("createLanguage") ?? true;
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(code, fields, createLanguage, ct));
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<InteractionTemplateDto>();
        templates.MapDelete("/{code}", async (string code, ClaimsPrincipal user, DeleteInteractionTemplate delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(code, user.UserId(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.AdminPolicy).WithSummary("Delete a template with its languages and their attachments");

        var languages = templates.MapGroup("/{code}/languages").WithTags("Interaction templates");
        languages.MapGet("/", async (string code, ListTemplateLanguages list, CancellationToken ct) =>
            TypedResults.Ok(new { value = await list.HandleAsync(code, ct), nextCursor = (string?)null }));
        languages.MapPost("/", async (string code, HttpRequest request, AddTemplateLanguage add, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("languageCode", "description", "hasAttachment", "attachmentFileName", "attachmentSize");
            var languageCode = body.Value<string?>("languageCode");
            var description = body.Get<string?>("description");
            body.ThrowIfErrors();
            var language = await add.HandleAsync(code, languageCode, description, ct);
            return TypedResults.Created($"/api/v1/interactionTemplates/{Uri.EscapeDataString(Codes.Normalize(code)!)}/languages/{Uri.EscapeDataString(language.LanguageCode)}", language);
        }).RequireAuthorization(Roles.AdminPolicy).AcceptsJson<InteractionTemplateLanguageDto>();
        languages.MapDelete("/{languageCode}", async (string code, string languageCode, RemoveTemplateLanguage remove, CancellationToken ct) =>
        {
            await remove.HandleAsync(code, languageCode, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.AdminPolicy);

        languages.MapPut("/{languageCode}/attachment", async (string code, string languageCode, bool? replace, HttpRequest request,
            SetTemplateAttachment attachments, CancellationToken ct) =>
        {
            var (fileName, content) = await AttachmentUploads.ReadSingleFileAsync(request, ct);
            return TypedResults.Ok(await attachments.HandleAsync(code, languageCode, fileName, content, replace ?? false, ct));
        }).RequireAuthorization(Roles.AdminPolicy).DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(uploadLimit))
        .WithSummary("Upload the attachment (multipart form, one file); replace=true replaces an existing one (rule 5)");
        languages.MapGet("/{languageCode}/attachment", async (string code, string languageCode, SetTemplateAttachment attachments, CancellationToken ct) =>
        {
            var (attachment, content) = await attachments.ReadAsync(code, languageCode, ct);
            return TypedResults.File(content, attachment.ContentType, attachment.FileName);
        }).WithSummary("Download the attachment");
        languages.MapDelete("/{languageCode}/attachment", async (string code, string languageCode, SetTemplateAttachment attachments, CancellationToken ct) =>
        {
            await attachments.RemoveAsync(code, languageCode, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.AdminPolicy);
    }

    private static InteractionTemplateFields ReadTemplate(JsonBody body) => new()
    {
        InteractionGroupCode = body.Get<string?>("interactionGroupCode"),
        Description = body.Get<string?>("description"),
        UnitCostLcy = body.Get<decimal?>("unitCostLcy"),
        UnitDurationMin = body.Get<decimal?>("unitDurationMin"),
        InformationFlow = body.Get<InformationFlow?>("informationFlow"),
        InitiatedBy = body.Get<InitiatedBy?>("initiatedBy"),
        CorrespondenceTypeDefault = body.Get<CorrespondenceType?>("correspondenceTypeDefault"),
        WizardAction = body.Get<WizardAction?>("wizardAction"),
        IgnoreContactCorresType = body.Get<bool?>("ignoreContactCorresType"),
        LanguageCodeDefault = body.Get<string?>("languageCodeDefault"),
        CampaignNo = body.Get<string?>("campaignNo"),
        CampaignTarget = body.Get<bool?>("campaignTarget"),
        CampaignResponse = body.Get<bool?>("campaignResponse"),
    };
}
