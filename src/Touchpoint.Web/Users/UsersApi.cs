using System.Security.Claims;
using Touchpoint.Core.Common;
using Touchpoint.Web.Interactions;
using Touchpoint.Web.Common;

namespace Touchpoint.Web.Users;

/// <summary>Users (admin only).</summary>
internal static class UsersApi
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", async (UserAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(new { value = await admin.ListAsync(ct), nextCursor = (string?)null }));
        group.MapPost("/", async (HttpRequest request, ClaimsPrincipal by, UserAdministration admin, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("email", "password", "roles", "salespersonCode");
            var email = body.Value<string?>("email");
            var password = body.Value<string?>("password");
            var roles = body.Value<string[]?>("roles");
            var salesperson = body.Value<string?>("salespersonCode");
            body.ThrowIfErrors();
            var user = await admin.CreateAsync(email, password, roles, salesperson, by.UserId(), ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }).AcceptsJson<CreateUserRequest>();
        group.MapGet("/{id}", async (string id, UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.GetAsync(id, ct)));
        group.MapPatch("/{id}", async (string id, HttpRequest request, ClaimsPrincipal by, UserAdministration admin, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("roles", "salespersonCode", "disabled");
            var roles = body.Get<string?[]?>("roles");
            var salesperson = body.Get<string?>("salespersonCode");
            var disabled = body.Get<bool?>("disabled");
            if (disabled is { IsSet: true, Value: null })
            {
                body.Errors.Add("disabled", Messages.Get("FieldRequired", Messages.Field("disabled")));
            }
            body.ThrowIfErrors();
            return TypedResults.Ok(await admin.UpdateAsync(id, roles.IsSet ? new Optional<IReadOnlyList<string?>?>(true, roles.Value) : default,
                salesperson, disabled.IsSet ? disabled.Value!.Value : default(Optional<bool>), by.UserId(), ct));
        }).WithSummary("Change a user's roles, salesperson or disabled; a change of roles or disabled ends the user's sessions");
        group.MapPost("/{id}/resetPassword", async (string id, ClaimsPrincipal by, UserAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(new { password = await admin.ResetPasswordAsync(id, by.UserId(), ct) }))
            .WithSummary("Give the user a new generated password (shown once) and end the user's sessions");
    }

    /// <summary>Body of POST /users, as the OpenAPI document shows it.</summary>
    internal sealed record CreateUserRequest(string Email, string Password, string[] Roles, string? SalespersonCode);
}
