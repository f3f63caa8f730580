using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Contacts;

/// <summary>A contact's timeline (everything that happened with it, newest first) and its notes (BC's Comments).</summary>
internal static class ContactTimelineApi
{
    public static void MapContactTimeline(this RouteGroupBuilder contacts)
    {
        contacts.MapGet("/{no}/timeline", async (string no, string? kind, string? personNo, int? limit, string? cursor, GetContactTimeline timeline,
            CancellationToken ct) =>
            TypedResults.Ok(await timeline.HandleAsync(new TimelineQuery
            {
                ContactNo = no, Kind = Query.Enum<TimelineFilter>(kind, "kind") ?? TimelineFilter.All, PersonNo = personNo, Limit = limit,
                Cursor = cursor,
            }, ct)))
            .WithTags("Contacts")
            .WithSummary("The contact's timeline, newest first (keyset-paged): interactions, documents, notes, opportunities created and closed; "
                + "a company's holds its persons'")
            .WithDescription("kind: all (default), interactions, documents, notes, opportunities. personNo (a company only): one person's items.");

        var notes = contacts.MapGroup("/{no}/comments").WithTags("Contact notes");
        notes.MapGet("/", async (string no, int? limit, string? cursor, ContactNotes list, CancellationToken ct) =>
            TypedResults.Ok(await list.ListAsync(no, limit, cursor, ct)))
            .WithSummary("The contact's notes (BC's Comments), newest first (keyset-paged)");
        notes.MapGet("/{lineNo:long}", async (string no, long lineNo, ContactNotes get, CancellationToken ct) =>
            TypedResults.Ok(await get.GetAsync(no, lineNo, ct)))
            .WithSummary("One note");
        notes.MapPost("/", async (string no, HttpRequest request, ClaimsPrincipal user, ContactNotes add, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("date", "comment");
            var date = body.Value<DateOnly?>("date");
            var comment = body.Value<string?>("comment");
            body.ThrowIfErrors();
            var note = await add.AddAsync(no, comment, date, user.UserId(), ct);
            return TypedResults.Created($"/api/v1/contacts/{Uri.EscapeDataString(note.ContactNo)}/comments/{note.LineNo}", note);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<NoteBody>()
        .WithSummary($"Add a note (at most {ContactNote.CommentLength} characters; dated today unless a date is given)");
        notes.MapPatch("/{lineNo:long}", async (string no, long lineNo, HttpRequest request, ContactNotes update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("date", "comment");
            var date = body.Get<DateOnly?>("date");
            var comment = body.Get<string?>("comment");
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.UpdateAsync(no, lineNo, comment, date, ct));
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<NoteBody>()
        .WithSummary("Change a note's text or date");
        notes.MapDelete("/{lineNo:long}", async (string no, long lineNo, ClaimsPrincipal user, ContactNotes delete, CancellationToken ct) =>
        {
            await delete.DeleteAsync(no, lineNo, user.UserId(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy)
        .WithSummary("Delete a note (in the audit trail)");
    }

    internal sealed record NoteBody(DateOnly? Date, string Comment);
}
