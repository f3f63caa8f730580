using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Touchpoint.Web.Common;

/// <summary>
/// Describes an endpoint's JSON body in OpenAPI. Unlike <c>Accepts&lt;T&gt;()</c> it does not constrain routing:
/// a body of another content type must reach <see cref="JsonBody"/> to get its 415 problem with a message.
/// </summary>
internal sealed record JsonBodyMetadata(Type Type);

internal static class JsonBodyDescription
{
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new JsonBodyMetadata(typeof(T)));

    public static OpenApiOptions DescribeJsonBodies(this OpenApiOptions options)
    {
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyMetadata>().FirstOrDefault();
            if (metadata is null)
            {
                return;
            }
            var schema = await context.GetOrCreateSchemaAsync(metadata.Type, null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
        return options;
    }
}
