using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// Beyond BC 9: the template each of the contact card's quick actions starts with. A call and an e-mail take the
/// interaction template setup's; a meeting the user's last meeting template, else the first template without
/// correspondence type in a group the setup does not use.
/// </summary>
public sealed class QuickInteractionTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static Task<QuickInteractionStartDto> StartAsync(TouchpointApp app, string contactNo, QuickInteractionKind kind, string? userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<StartQuickInteraction>().HandleAsync(contactNo, kind, userId));

    [Theory, SqliteData, PostgresData]
    public async Task A_call_and_an_e_mail_start_with_the_setups_templates_and_with_none_when_they_are_not_set_up(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var email = Unique.Code("TE")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code = email, interactionGroupCode = w.Group, description = "E-mail", unitDurationMin = 5 }))
            .JsonAsync(HttpStatusCode.Created);
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = (string?)null, emails = (string?)null })).JsonAsync(HttpStatusCode.OK);

        var none = await StartAsync(app, w.Person, QuickInteractionKind.Call, null);
        Assert.Null(none.InteractionTemplateCode);
        Assert.Null(none.Start.Template);
        Assert.Null((await StartAsync(app, w.Person, QuickInteractionKind.Email, null)).InteractionTemplateCode);

        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = w.Template, emails = email })).JsonAsync(HttpStatusCode.OK);
        var call = await StartAsync(app, w.Person, QuickInteractionKind.Call, null);
        Assert.Equal(w.Template, call.InteractionTemplateCode);
        // The wizard's defaults for that template (rules 13–14): what the dialog shows before anything is typed.
        Assert.Equal(("Outgoing call", 15m, 1.5m), (call.Start.Template!.Description, call.Start.Template.DurationMin, call.Start.Template.CostLcy));
        var mail = await StartAsync(app, w.Person, QuickInteractionKind.Email, null);
        Assert.Equal((email, "E-mail"), (mail.InteractionTemplateCode, mail.Start.Template!.Description));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_meeting_starts_with_the_users_last_meeting_template_else_the_first_without_correspondence_type_in_a_group_the_setup_does_not_use(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        // The setup uses the call group: its templates are no meetings. A group that sorts first, with a letter (hard copy)
        // first by code, then two meetings.
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { outgoingCalls = w.Template })).JsonAsync(HttpStatusCode.OK);
        var group = ("A" + Unique.Code("M"))[..8];
        await (await w.Admin.PostAsync("/api/v1/interactionGroups", new { code = group, description = "Meetings" })).JsonAsync(HttpStatusCode.Created);
        var (letter, ours, theirs) = ("A0" + Unique.Code("L")[..7], "B0" + Unique.Code("M")[..7], "C0" + Unique.Code("M")[..7]);
        foreach (var (code, description, type) in new[] { (letter, "Letter", "hardCopy"), (ours, "Meeting at our place", "none"), (theirs, "Meeting at theirs", "none") })
        {
            await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new
            {
                code, interactionGroupCode = group, description, correspondenceTypeDefault = type, unitDurationMin = 120,
            })).JsonAsync(HttpStatusCode.Created);
        }
        var (user, other) = ($"quick-{Unique.Code("U")}@example.com", $"quick-{Unique.Code("O")}@example.com");

        // Nobody has logged a meeting: the first meeting template, with its own defaults.
        var first = await StartAsync(app, w.Person, QuickInteractionKind.Meeting, user);
        Assert.Equal((ours, "Meeting at our place", 120m), (first.InteractionTemplateCode, first.Start.Template!.Description, first.Start.Template.DurationMin));

        // The user logs a meeting at the contact's, then a call: the next meeting starts with the contact's; another user's does not.
        foreach (var template in new[] { theirs, w.Template })
        {
            await app.WithScopeAsync(sp => sp.GetRequiredService<CreateInteraction>().HandleAsync(new CreateInteractionRequest
            {
                ContactNo = w.Person, InteractionTemplateCode = template, SalespersonCode = w.Salesperson,
            }, user));
        }
        Assert.Equal(theirs, (await StartAsync(app, w.Person, QuickInteractionKind.Meeting, user)).InteractionTemplateCode);
        Assert.Equal(ours, (await StartAsync(app, w.Person, QuickInteractionKind.Meeting, other)).InteractionTemplateCode);

        // Once the setup uses a template of that group, it holds no meetings either.
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { meetingInvitation = letter })).JsonAsync(HttpStatusCode.OK);
        var without = (await StartAsync(app, w.Person, QuickInteractionKind.Meeting, user)).InteractionTemplateCode;
        Assert.DoesNotContain(without, new[] { letter, ours, theirs });
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { meetingInvitation = (string?)null })).JsonAsync(HttpStatusCode.OK);
    }
}
