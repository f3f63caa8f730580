using Touchpoint.Core.Common;
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
        group.MapPost("/", async (HttpRequest request, UserAdministration admin, CancellationToken ct) =>
        {
            var body = (await JsonBody.ReadAsync(request, ct)).Allow("email", "password", "roles", "salespersonCode");
            var email = body.Value<string?>("email");
            var password = body.Value<string?>("password");
            var roles = body.Value<string[]?>("roles");
            var salesperson = body.Value<string?>("salespersonCode");
            body.ThrowIfErrors();
            var user = await admin.CreateAsync(email, password, roles, salesperson, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }).AcceptsJson<CreateUserRequest>();
    }

    /// <summary>Body of POST /users, as the OpenAPI document shows it.</summary>
    internal sealed record CreateUserRequest(string Email, string Password, string[] Roles, string? SalespersonCode);
}
