using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Tests.Common;

public sealed partial class MessagesTests
{
    private static readonly string[] Translations = ["nl", "sv", "ru"];

    [Fact]
    public void Every_message_exists_in_all_four_languages_with_the_same_placeholders()
    {
        var resources = new ResourceManager(typeof(Messages));
        var english = Texts(resources, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        var problems = new List<string>();
        foreach (var language in Translations)
        {
            var translated = Texts(resources, CultureInfo.GetCultureInfo(language));
            problems.AddRange(english.Keys.Except(translated.Keys).Select(k => $"{language}: {k} is missing"));
            problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{language}: {k} is not in the English file"));
            foreach (var (key, text) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: {key} is empty");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(english[key])))
                {
                    problems.Add($"{language}: {key} has {{{string.Join("}{", Placeholders(text))}}}, English has {{{string.Join("}{", Placeholders(english[key]))}}}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_message_key_the_code_names_exists()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var missing = new List<string>();
        var found = 0;
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in MessageKey().Matches(File.ReadAllText(file)))
            {
                found++;
                var key = match.Groups["key"].Value;
                if (Messages.English(key) is null)
                {
                    missing.Add($"{Path.GetRelativePath(src, file)}: {key}");
                }
            }
        }
        Assert.True(found > 50, $"only {found} message keys found in the code: is the pattern still right?");
        Assert.True(missing.Count == 0, "No such message: " + string.Join(", ", missing));
    }

    [Fact]
    public void Field_messages_name_the_field_by_its_caption_in_the_language_and_keep_the_api_name_as_key()
    {
        using var _ = new UiCulture("nl");
        var errors = new FieldErrors();
        errors.Required("name", " ");
        var refusal = Assert.Throws<DomainException>(errors.ThrowIfAny);
        Assert.Equal("U moet het veld Naam invullen.", Assert.Single(Assert.Single(refusal.Errors, e => e.Key == "name").Value));
        Assert.Equal("U moet het veld Naam invullen.", refusal.Message);
    }

    [Theory]
    [InlineData("en", "The length of Salesperson Code must be 20 characters or fewer; it is 21.")]
    [InlineData("nl", "De lengte van Verkopercode mag maximaal 20 tekens zijn; deze is 21.")]
    [InlineData("sv", "Längden på Säljarkod får vara högst 20 tecken; den är 21.")]
    [InlineData("ru", "Длина поля «Код продавца» не должна превышать 20 симв.; сейчас — 21.")]
    public void A_value_too_long_is_refused_in_the_language(string language, string expected)
    {
        using var _ = new UiCulture(language);
        var errors = new FieldErrors();
        errors.MaxLength("salespersonCode", new string('X', 21), 20);
        Assert.Equal(expected, Assert.Single(Assert.Throws<DomainException>(errors.ThrowIfAny).Errors["salespersonCode"]));
    }

    [Fact]
    public void Several_bad_fields_are_summed_up_by_their_captions()
    {
        using var _ = new UiCulture("sv");
        var errors = new FieldErrors();
        errors.Required("name", null);
        errors.Required("contactNo", null);
        var refusal = Assert.Throws<DomainException>(errors.ThrowIfAny);
        Assert.Equal("Ett eller flera fält är ogiltiga: Namn, Kontaktnr.", refusal.Message);
        Assert.Equal(["contactNo", "name"], refusal.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("")]
    public void A_language_without_translations_gets_English(string language)
    {
        using var _ = new UiCulture(language);
        Assert.Equal("Contact CT000001 does not exist.", Messages.Get("ContactNotFound", "CT000001"));
        Assert.Equal("Name", Messages.Field("name"));
    }

    [Fact]
    public void A_regional_culture_gets_its_language()
    {
        using var _ = new UiCulture("nl-BE");
        Assert.Equal("Contactpersoon CT000001 bestaat niet.", Messages.Get("ContactNotFound", "CT000001"));
    }

    [Fact]
    public void A_field_without_a_caption_is_named_by_its_api_name()
    {
        using var _ = new UiCulture("ru");
        Assert.Equal("someApiField", Messages.Field("someApiField"));
        Assert.Equal("Необходимо заполнить поле «someApiField».", Messages.Get("FieldRequired", Messages.Field("someApiField")));
    }

    [Fact]
    public void Numbers_in_messages_are_formatted_for_the_culture()
    {
        using var _ = new UiCulture("ru");
        Assert.Equal("Лимит должен быть от 1 до 1000.", Assert.Throws<DomainException>(() => Cursor.Limit(0)).Message);
    }

    private static Dictionary<string, string> Texts(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No messages for '{culture.Name}': is the satellite assembly built?");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["index"].Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Touchpoint.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""Messages\.(?:Get|English|Find)\(\s*"(?<key>[^"]+)"[,)]""")]
    private static partial Regex MessageKey();

    /// <summary>Sets the UI culture (and culture) of this test and puts the old ones back afterwards.</summary>
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
