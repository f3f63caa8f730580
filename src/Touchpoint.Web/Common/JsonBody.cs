using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>
/// A request body read field by field. POST and PATCH both use it: it knows which fields were sent (PATCH leaves
/// the others alone), and a field of the wrong type, an unknown enum value or an unknown field name is reported at
/// that field with the others, instead of one opaque "could not bind" error.
/// </summary>
internal sealed class JsonBody
{
    private readonly Dictionary<string, JsonNode?> _fields;
    private readonly JsonSerializerOptions _options;
    private readonly string _prefix;

    private JsonBody(Dictionary<string, JsonNode?> fields, JsonSerializerOptions options, string prefix = "", FieldErrors? errors = null)
    {
        _fields = fields;
        _options = options;
        _prefix = prefix;
        Errors = errors ?? new();
    }

    public FieldErrors Errors { get; }

    /// <summary>The most items one list in a body may have (docs/api.md: at most 1,000 ids or comments in one request).</summary>
    public const int MaxListItems = 1000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new HttpProblemException(StatusCodes.Status415UnsupportedMediaType,
                Messages.Get("ProblemUnsupportedContentType"), Messages.Get("BodyNotJson"));
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, ct);
        }
        catch (JsonException e)
        {
            throw DomainException.Invalid("body", Messages.Get("BodyMalformed", e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw DomainException.Invalid("body", Messages.Get("BodyNotObject"));
            }
            // Everything a JSON parser lets through but the rest of the app must never see, checked once for every
            // endpoint: a name sent twice (which one would win?), text that is not Unicode (a lone surrogate, which
            // PostgreSQL refuses to store) or holds a NUL, a list longer than any request needs.
            var errors = new FieldErrors();
            Check(document.RootElement, "", errors);
            errors.ThrowIfAny();
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var fields = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = JsonNode.Parse(property.Value.GetRawText(), documentOptions: DocumentOptions);
            }
            return new JsonBody(fields, options);
        }
    }

    private static void Check(JsonElement element, string path, FieldErrors errors)
    {
        var field = path.Length == 0 ? "body" : path;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Count() > MaxListItems:
                errors.Add(field, Messages.Get("TooManyFields", Messages.Field(field), MaxListItems));
                break;
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name))
                    {
                        errors.Add(field, Messages.Get("TextNotUnicode", Messages.Field(field)));
                        continue;
                    }
                    var child = path.Length == 0 ? name : path + "." + name;
                    if (!names.Add(name))
                    {
                        errors.Add(child, Messages.Get("FieldSentTwice", child));
                        continue;
                    }
                    Check(property.Value, child, errors);
                }
                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > MaxListItems)
                {
                    errors.Add(field, Messages.Get("ListTooLong", Messages.Field(field), MaxListItems));
                    break;
                }
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add(field, Messages.Get("ListItemNull", Messages.Field(field)));
                        break;
                    }
                    Check(item, path, errors);
                }
                break;
            case JsonValueKind.String:
                if (!TryText(element.GetString, out var text))
                {
                    errors.Add(field, Messages.Get("TextNotUnicode", Messages.Field(field)));
                }
                else if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(field, Messages.Get("TextHasNul", Messages.Field(field)));
                }
                break;
        }
    }

    /// <summary>System.Text.Json refuses to turn an escaped lone surrogate (<c>"\ud800"</c>) into a string.</summary>
    private static bool TryText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Fields nobody reads are most often typos: say so rather than silently ignore them.</summary>
    public JsonBody Allow(params string[] known)
    {
        foreach (var name in _fields.Keys.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            Errors.Add(_prefix + name, Messages.Get("FieldUnknown", _prefix + name, string.Join(", ", known)));
        }
        return this;
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>A PATCH may repeat the key it addresses (a GET result sent back) but never change it.</summary>
    public void RefuseChange(string field, string current, string message)
    {
        if (Has(field) && Codes.Normalize(Value<string?>(field)) != Codes.Normalize(current))
        {
            Errors.Add(field, message);
        }
    }

    public Optional<T> Get<T>(string name)
    {
        if (!_fields.TryGetValue(name, out var node))
        {
            return default;
        }
        if (node is null)
        {
            return new Optional<T>(true, default!);
        }
        try
        {
            return new Optional<T>(true, node.Deserialize<T>(_options)!);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            Errors.Add(_prefix + name, TypeMessage(_prefix + name, typeof(T), node));
            return default;
        }
    }

    public T? Value<T>(string name) => Get<T>(name).Value;

    /// <summary>
    /// A nested object read the same way; its errors are reported as "parent.field" with the parent's, so one
    /// response names every wrong field. Null when the object was not sent (or was not an object, reported).
    /// </summary>
    public JsonBody? Object(string name)
    {
        if (!_fields.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }
        if (node is not JsonObject obj)
        {
            Errors.Add(_prefix + name, TypeMessage(_prefix + name, typeof(object), node));
            return null;
        }
        var fields = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, value) in obj)
        {
            fields[field] = value;
        }
        return new JsonBody(fields, _options, _prefix + name + ".", Errors);
    }

    /// <summary>Throws the collected errors together with the use case's own, before the use case runs.</summary>
    public void ThrowIfErrors() => Errors.ThrowIfAny();

    private static string TypeMessage(string name, Type type, JsonNode node)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var shown = node.ToJsonString();
        if (shown.Length > 40)
        {
            shown = shown[..40] + "…";
        }
        if (target.IsEnum)
        {
            var names = Enum.GetNames(target).Select(JsonNamingPolicy.CamelCase.ConvertName);
            return Messages.Get("ValueNotInList", shown, Messages.Field(name), string.Join(", ", names));
        }
        var kind = target == typeof(string) ? Messages.Get("ValueKind_Text")
            : target == typeof(bool) ? Messages.Get("ValueKind_Boolean")
            : target == typeof(DateOnly) ? Messages.Get("ValueKind_Date")
            : target == typeof(TimeOnly) ? Messages.Get("ValueKind_Time")
            : target == typeof(int) || target == typeof(long) ? Messages.Get("ValueKind_WholeNumber")
            : target == typeof(decimal) ? Messages.Get("ValueKind_Number")
            : target.IsArray || target.IsGenericType ? Messages.Get("ValueKind_List")
            : target.Name;
        return Messages.Get("ValueWrongType", Messages.Field(name), kind, shown);
    }
}
