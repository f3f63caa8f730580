using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Web.Common;
using Touchpoint.Web.Interactions;

namespace Touchpoint.Web.Contacts;

/// <summary>Contacts and their business relations.</summary>
internal static class ContactsApi
{
    private static readonly string[] Fields =
    [
        "no", "type", "name", "companyNo", "email", "phoneNo", "mobilePhoneNo", "address", "postCode", "city",
        "countryRegionCode", "languageCode", "salespersonCode", "correspondenceType", "privacyBlocked",
        // read-only, accepted so that a GET result can be sent back as it is
        "companyName",
    ];

    public static void MapContacts(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");

        contacts.MapGet("/", ListAsync)
            .Produces<Page<ContactDto>>().ProducesExports()
            .WithSummary("List contacts (keyset-paged, by No. unless sort names a column: sort=city, sort=-city; search in name, e-mail and phone numbers; the other filters take BC filter expressions); Accept: text/csv or the Excel type exports every match");

        contacts.MapGet("/{no}", async (string no, GetContact get, CancellationToken ct) =>
            TypedResults.Ok(await get.HandleAsync(no, ct)))
            .WithSummary("Get one contact");

        contacts.MapPost("/", async (HttpRequest request, CreateContact create, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            var no = body.Value<string?>("no");
            body.ThrowIfErrors();
            var contact = await create.HandleAsync(no, fields, ct);
            return TypedResults.Created($"/api/v1/contacts/{Uri.EscapeDataString(contact.No)}", contact);
        })
        .RequireAuthorization(Roles.WritePolicy).AcceptsJson<ContactDto>()
        .WithSummary("Create a contact (number from the contact series when none is given)");

        contacts.MapPatch("/{no}", async (string no, HttpRequest request, UpdateContact update, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow(Fields);
            var fields = ReadFields(body);
            body.RefuseChange("no", no, Messages.Get("ContactNoCannotChange"));
            body.ThrowIfErrors();
            return TypedResults.Ok(await update.HandleAsync(no, fields, ct));
        })
        .RequireAuthorization(Roles.WritePolicy).AcceptsJson<ContactDto>()
        .WithSummary("Change the given fields of a contact");

        contacts.MapDelete("/{no}", async (string no, bool? confirm, ClaimsPrincipal user, DeleteContact delete, CancellationToken ct) =>
        {
            await delete.HandleAsync(no, user.UserId(), user.IsInRole(Roles.Admin), confirm ?? false, ct);
            return TypedResults.NoContent();
        })
        .RequireAuthorization(Roles.WritePolicy)
        .WithSummary("Delete a contact (409 while persons, opportunities or segment lines refer to it)")
        .WithDescription("A contact with interaction log entries keeps them without it (rule 36): only an admin may delete it (403 for "
            + "others), and only with confirm=true (409 without, saying how many entries it has).");

        contacts.MapContactTimeline();

        var relations = contacts.MapGroup("/{no}/businessRelations").WithTags("Business relations");
        relations.MapGet("/", async (string no, ListBusinessRelations list, CancellationToken ct) =>
            TypedResults.Ok(new { value = await list.HandleAsync(no, ct), nextCursor = (string?)null }));
        relations.MapPost("/", async (string no, HttpRequest request, AddBusinessRelation add, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("linkToTable", "linkNo");
            var table = body.Value<LinkToTable?>("linkToTable");
            var linkNo = body.Value<string?>("linkNo");
            body.ThrowIfErrors();
            var relation = await add.HandleAsync(no, table, linkNo, ct);
            return TypedResults.Created(
                $"/api/v1/contacts/{Uri.EscapeDataString(Codes.Normalize(no)!)}/businessRelations/{relation.LinkToTable.ToString().ToLowerInvariant()}/{Uri.EscapeDataString(relation.LinkNo)}",
                relation);
        }).RequireAuthorization(Roles.WritePolicy).AcceptsJson<BusinessRelationDto>();
        relations.MapDelete("/{linkToTable}/{linkNo}", async (string no, string linkToTable, string linkNo, RemoveBusinessRelation remove, CancellationToken ct) =>
        {
            await remove.HandleAsync(no, Query.RequiredEnum<LinkToTable>(linkToTable, "linkToTable"), linkNo, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.WritePolicy);
    }

    /// <summary>
    /// The contact list, or its export: the API's <c>GET /contacts</c> and the pages' <c>/export/contacts</c> are this one
    /// handler, so both read the filters alike.
    /// </summary>
    internal static async Task<IResult> ListAsync(HttpRequest request, ListContacts list, string? search, string? type, string? companyNo,
        string? salespersonCode, string? city, string? postCode, string? countryRegionCode, string? sort, int? limit, string? cursor, CancellationToken ct)
    {
        var order = SortOrder.Of<ContactSort>(sort);
        var query = new ContactListQuery
        {
            Search = search, Type = Query.Enum<ContactType>(type, "type"), CompanyNo = companyNo,
            SalespersonCode = salespersonCode, City = city, PostCode = postCode, CountryRegionCode = countryRegionCode,
            Sort = order?.Field ?? ContactSort.No, Descending = order?.Descending ?? false, Limit = limit, Cursor = cursor,
        };
        return Exports.Requested(request) is { } export
            ? Exports.File(export, "contacts", Paged.AllAsync((size, next) => list.HandleAsync(query with { Limit = size, Cursor = next }, ct), ct))
            : TypedResults.Ok(await list.HandleAsync(query, ct));
    }

    private static ContactFields ReadFields(JsonBody body) => new()
    {
        Type = body.Get<ContactType?>("type"),
        Name = body.Get<string?>("name"),
        CompanyNo = body.Get<string?>("companyNo"),
        Email = body.Get<string?>("email"),
        PhoneNo = body.Get<string?>("phoneNo"),
        MobilePhoneNo = body.Get<string?>("mobilePhoneNo"),
        Address = body.Get<string?>("address"),
        PostCode = body.Get<string?>("postCode"),
        City = body.Get<string?>("city"),
        CountryRegionCode = body.Get<string?>("countryRegionCode"),
        LanguageCode = body.Get<string?>("languageCode"),
        SalespersonCode = body.Get<string?>("salespersonCode"),
        CorrespondenceType = body.Get<CorrespondenceType?>("correspondenceType"),
        PrivacyBlocked = body.Get<bool?>("privacyBlocked"),
    };
}
