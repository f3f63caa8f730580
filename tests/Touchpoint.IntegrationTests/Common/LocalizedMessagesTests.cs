using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using Touchpoint.Web.Resources;
using Touchpoint.Web.Users;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>
/// Server messages follow the caller's language (Accept-Language, or the culture cookie of the UI); the error keys
/// stay the API field names. A request without Accept-Language gets English, as every other test here.
/// </summary>
public sealed partial class LocalizedMessagesTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    public static TheoryData<string?, string, string> MissingName => new()
    {
        { "nl", "U moet het veld Naam invullen.", "De aanvraag is ongeldig" },
        { "ru", "Необходимо заполнить поле «Имя».", "Недопустимый запрос" },
        { "sv", "Du måste fylla i fältet Namn.", "Begäran är ogiltig" },
        { "nl-BE,nl;q=0.9,en;q=0.5", "U moet het veld Naam invullen.", "De aanvraag is ongeldig" },
        { "de-DE,de;q=0.9", "You must fill in the Name field.", "The request is not valid" },
        { null, "You must fill in the Name field.", "The request is not valid" },
    };

    [Theory, SqliteData(nameof(MissingName)), PostgresData(nameof(MissingName))]
    public async Task A_missing_name_is_refused_in_the_callers_language_at_the_field_name(
        string provider, string? language, string message, string title)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        using var response = await client.SendAsync(Post("/api/v1/contacts", new { type = "company" }, language));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Equal(message, Assert.Single(Errors(problem, "name")));
        Assert.Equal(message, problem.Str("detail"));
        Assert.Equal(title, problem.Str("title"));
        Assert.Equal(["name"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    public static TheoryData<string?, string, string> DuplicateNo => new()
    {
        { "nl", "Contactpersoon {0} bestaat al.", "Conflict" },
        { "ru", "Контакт {0} уже существует.", "Конфликт" },
        { "sv", "Kontakten {0} finns redan.", "Konflikt" },
        { null, "Contact {0} already exists.", "Conflict" },
    };

    [Theory, SqliteData(nameof(DuplicateNo)), PostgresData(nameof(DuplicateNo))]
    public async Task A_duplicate_contact_number_is_a_conflict_in_the_callers_language_at_the_field_no(
        string provider, string? language, string message, string title)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var no = Unique.Code("LNG");
        await (await client.PostAsync("/api/v1/contacts", new { no, name = "First" })).JsonAsync(HttpStatusCode.Created);
        using var response = await client.SendAsync(Post("/api/v1/contacts", new { no, name = "Second" }, language));
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "no");
        var expected = string.Format(CultureInfo.InvariantCulture, message, no);
        Assert.Equal(expected, problem.Str("detail"));
        Assert.Equal(expected, Assert.Single(Errors(problem, "no")));
        Assert.Equal(title, problem.Str("title"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Body_type_errors_and_unknown_records_are_in_the_callers_language(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        using var wrongType = await client.SendAsync(Raw("/api/v1/contacts", """{"name":42,"type":"robot"}""", "nl"));
        var problem = await wrongType.ProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Equal("Naam moet een tekst zijn; 42 is dat niet.", Assert.Single(Errors(problem, "name")));
        Assert.Equal("\"robot\" is geen geldige waarde voor Type. Gebruik een van: company, person.", Assert.Single(Errors(problem, "type")));
        Assert.Equal("Een of meer velden zijn ongeldig: Type, Naam.", problem.Str("detail"));

        using var unknownSalesperson = await client.SendAsync(Post("/api/v1/contacts", new { name = "X", salespersonCode = "NOSUCHSP" }, "sv"));
        Assert.Equal("Säljaren NOSUCHSP finns inte.",
            Assert.Single(Errors(await unknownSalesperson.ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode"), "salespersonCode")));

        using var badLimit = new HttpRequestMessage(HttpMethod.Get, "/api/v1/contacts?limit=many&type=robot");
        badLimit.Headers.AcceptLanguage.ParseAdd("nl");
        using var unbound = await client.SendAsync(badLimit);
        Assert.Equal("De waarde \"many\" is ongeldig voor limit.",
            Assert.Single(Errors(await unbound.ProblemAsync(HttpStatusCode.BadRequest, "limit"), "limit")));

        using var notFound = new HttpRequestMessage(HttpMethod.Get, "/api/v1/contacts/NOSUCHCONTACT");
        notFound.Headers.AcceptLanguage.ParseAdd("ru");
        using var missing = await client.SendAsync(notFound);
        var gone = await missing.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Контакт NOSUCHCONTACT не существует.", gone.Str("detail"));
        Assert.Equal("Не найдено", gone.Str("title"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Identity_password_rules_and_sign_in_failures_are_in_the_callers_language(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        using var weak = await admin.SendAsync(Post("/api/v1/users", new { email = "weak@test.local", password = "short", roles = new[] { "viewer" } }, "sv"));
        var passwordErrors = Errors(await weak.ProblemAsync(HttpStatusCode.BadRequest, "password"), "password");
        Assert.Contains("Lösenord måste innehålla minst 12 tecken.", passwordErrors);
        Assert.Contains("Lösenord måste innehålla minst en siffra ('0'-'9').", passwordErrors);
        Assert.Contains("Lösenord måste innehålla minst en versal ('A'-'Z').", passwordErrors);

        using var wrong = await app.Anonymous().SendAsync(
            Post("/api/v1/auth/login", new { email = TouchpointApp.AdminEmail, password = "not-the-password" }, "nl"));
        var refused = await wrong.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Aanmelden mislukt", refused.Str("title"));
        Assert.Equal("Het e-mailadres of wachtwoord is onjuist.", refused.Str("detail"));
    }

    [Fact]
    public async Task The_frameworks_own_problems_are_titled_in_the_callers_language()
    {
        var client = apps.For(TestDatabases.Sqlite).Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/contacts");
        request.Headers.AcceptLanguage.ParseAdd("ru");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Требуется вход", problem.Str("title"));

        using var english = await client.GetAsync("/api/v1/contacts");
        Assert.Equal("Unauthorized", JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.Str("title"));
    }

    [Theory]
    [InlineData("nl", "Volgende pagina", "Wissen")]
    [InlineData("sv", "Nästa sida", "Rensa")]
    [InlineData("ru", "Следующая страница", "Очистить")]
    [InlineData("en", "Next page", "Clear")]
    [InlineData("de", "Next page", "Clear")]
    public void MudBlazor_texts_follow_the_UI_language(string language, string nextPage, string clear)
    {
        using var scope = apps.For(TestDatabases.Sqlite).Services.CreateScope();
        // The interceptor is what MudBlazor's components ask (through an internal wrapper) for each of their texts.
        var mud = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();
        using var _ = new UiCulture(language);
        Assert.Equal(nextPage, mud.Handle("MudTablePager_NextPage").Value);
        Assert.Equal(clear, mud.Handle("MudInput_Clear").Value);
    }

    /// <summary>Words that are the same as in English (the generator fills a missing translation with English).</summary>
    private static readonly HashSet<string> SameAsEnglish =
    [
        "nl:MudDataGrid_Filter", "sv:MudDataGrid_Filter", "nl:MudDataGrid_Operator", "sv:MudDataGrid_Operator",
        "nl:MudDataGrid_Is", "sv:MudRangeInput_Start",
    ];

    [Fact]
    public void Every_MudBlazor_translation_is_of_a_key_MudBlazor_has_with_its_placeholders()
    {
        var mudEnglish = Texts(new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly), CultureInfo.InvariantCulture);
        var ui = new ResourceManager(typeof(SharedResource));
        var english = Texts(ui, CultureInfo.InvariantCulture);
        var ours = english.Keys.Where(k => k.StartsWith("MudBlazor_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        var problems = new List<string>();
        foreach (var language in new[] { "nl", "sv", "ru" })
        {
            var translated = Texts(ui, CultureInfo.GetCultureInfo(language));
            foreach (var key in ours)
            {
                var mudKey = key["MudBlazor_".Length..];
                if (!mudEnglish.TryGetValue(mudKey, out var mudText))
                {
                    problems.Add($"{mudKey} is not a MudBlazor key (any more)");
                }
                else if (!translated.TryGetValue(key, out var text) || (text == english[key] && !SameAsEnglish.Contains($"{language}:{mudKey}")))
                {
                    problems.Add($"{language}: {mudKey} is not translated");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(mudText)))
                {
                    problems.Add($"{language}: {mudKey} has other placeholders than MudBlazor's \"{mudText}\"");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public void Every_Identity_message_is_translated()
    {
        var describer = new LocalizedIdentityErrors();
        var methods = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError)).ToList();
        Assert.True(methods.Count >= 20, $"only {methods.Count} Identity messages found");
        var problems = new List<string>();
        foreach (var method in methods)
        {
            if (describer.GetType().GetMethod(method.Name, [.. method.GetParameters().Select(p => p.ParameterType)])!.DeclaringType != describer.GetType())
            {
                problems.Add($"{method.Name} is not overridden");
                continue;
            }
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "x@y").ToArray();
            string Describe(string language)
            {
                using var _ = new UiCulture(language);
                return ((IdentityError)method.Invoke(describer, args)!).Description;
            }
            var english = Describe("en");
            Assert.Equal(((IdentityError)method.Invoke(new IdentityErrorDescriber(), args)!).Description, english);
            foreach (var language in new[] { "nl", "sv", "ru" })
            {
                if (Describe(language) == english)
                {
                    problems.Add($"{method.Name} is English in {language}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static HttpRequestMessage Post(string url, object body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }
        return request;
    }

    private static HttpRequestMessage Raw(string url, string json, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return request;
    }

    private static List<string> Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>
    /// Every text a page asks for by its key (<c>L["Key"]</c>, <c>L.Plural("Key", …)</c>) exists in English, Dutch,
    /// Swedish and Russian, with the same placeholders; a key missing from the resources would show as the key itself.
    /// </summary>
    [Fact]
    public void Every_UI_text_a_page_uses_exists_in_all_four_languages()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Touchpoint.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "Touchpoint.Web");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            used.UnionWith(UiKey().Matches(text).Select(m => m.Groups["key"].Value));
            foreach (Match m in UiPluralKey().Matches(text))
            {
                used.UnionWith(new[] { "_One", "_Few", "_Many" }.Select(form => m.Groups["key"].Value + form));
            }
        }
        Assert.True(used.Count > 300, $"only {used.Count} keys found in {web}");
        var ui = new ResourceManager(typeof(SharedResource));
        var english = Texts(ui, CultureInfo.InvariantCulture);
        var problems = used.Where(k => !english.ContainsKey(k)).Select(k => $"{k} is used but has no English text").ToList();
        foreach (var language in new[] { "nl", "sv", "ru" })
        {
            var translated = Texts(ui, CultureInfo.GetCultureInfo(language));
            foreach (var (key, text) in english.Where(e => !e.Key.StartsWith("MudBlazor_", StringComparison.Ordinal)))
            {
                // BC's blank option (Evaluation " ") is blank in every language.
                if (!translated.TryGetValue(key, out var other) || (string.IsNullOrWhiteSpace(other) && !string.IsNullOrWhiteSpace(text)))
                {
                    problems.Add($"{language}: {key} is missing");
                }
                else if (!Placeholders(other).SetEquals(Placeholders(text)))
                {
                    problems.Add($"{language}: {key} has other placeholders than the English \"{text}\"");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Order(StringComparer.Ordinal)));
    }

    [GeneratedRegex(@"\bL\[""(?<key>[A-Za-z][A-Za-z0-9_]*)""")]
    private static partial Regex UiKey();

    [GeneratedRegex(@"\bL\.Plural\(""(?<key>[A-Za-z][A-Za-z0-9_]*)""")]
    private static partial Regex UiPluralKey();

    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No resources for '{culture.Name}'");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["index"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Sets the UI culture (and culture) of this thread and puts the old ones back afterwards.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCulture(string name)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
