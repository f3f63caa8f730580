using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Steps several tests take before what they check: logging an interaction through the API or the Create Interaction
/// wizard, and ticking an entry in the interaction log.
/// </summary>
internal static class InteractionSteps
{
    private const string ResultStepTitle = "What is the result of the interaction?";

    // A field the test does not give is left out, so that the API defaults it from the template as it would for a client that never sent it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record NewInteraction(string ContactNo, string InteractionTemplateCode, string? Description, DateOnly? Date, decimal? CostLcy, decimal? DurationMin,
        string? CampaignNo, string SalespersonCode)
    {
        // A contact that prefers e-mail would need a template with an attachment; hard copy does for every contact.
        public string CorrespondenceType { get; } = "hardCopy";
    }

    public static async Task<HttpResponseMessage> SucceededAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>A template in a group of its own, in English, with this correspondence type (as the API names it); answers its code.</summary>
    public static async Task<string> CreateTemplateAsync(this HttpClient admin, string description, string correspondenceType)
    {
        var group = Touchpoint.TestKit.Unique.Code("G")[..8];
        var template = Touchpoint.TestKit.Unique.Code("T")[..9];
        await admin.PostAsJsonAsync("/api/v1/interactionGroups", new { code = group, description = "Letters" }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = group, description, languageCodeDefault = "ENU", correspondenceTypeDefault = correspondenceType,
        }).SucceededAsync();
        return template;
    }

    /// <summary>Uploads a text file as an attachment (a template's or a segment's language) through the API.</summary>
    public static async Task UploadTextAsync(this HttpClient client, string url, string fileName, string text)
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        await client.PutAsync(url, new MultipartFormDataContent { { file, "file", fileName } }).SucceededAsync();
    }

    /// <summary>The new entry, as the API answers it (by the demo company's salesperson JR unless another is given).</summary>
    public static async Task<JsonElement> LogInteractionAsync(this HttpClient client, string contactNo, string template,
        string? description = null, DateOnly? date = null, decimal? cost = null, decimal? duration = null, string? campaignNo = null,
        string salespersonCode = "JR")
    {
        var response = await client.PostAsJsonAsync("/api/v1/interactions",
            new NewInteraction(contactNo, template, description, date, cost, duration, campaignNo, salespersonCode), Json).SucceededAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task StartInteractionFromContactCardAsync(this IPage page, string contactNo)
    {
        await page.OpenAsync($"/contacts/{contactNo}");
        await page.GetByTestId("contact-create-interaction").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactions/new\\?contactNo={contactNo}$"));
        await page.WaitForInteractiveAsync();
    }

    public static async Task ChooseTemplateAsync(this IPage page, string templateDescription)
    {
        await page.PickTemplateAsync("wizard-template", templateDescription);
        // The description defaults to the template's (rule 14); typing before it arrives would mix the two.
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync(templateDescription);
    }

    public static Task DescribeInteractionAsync(this IPage page, string description) =>
        page.GetByTestId("wizard-description").Locator("input").FillAsync(description);

    /// <summary>Next through the steps (the content step shows only for templates with a wizard action), then Finish.</summary>
    public static async Task FinishWizardAsync(this IPage page)
    {
        await page.ToResultStepAsync();
        await page.GetByTestId("wizard-finish").ClickAsync();
    }

    /// <summary>Next through the steps to the last one, the result (evaluation, cost, comments).</summary>
    public static async Task ToResultStepAsync(this IPage page)
    {
        var title = page.GetByTestId("wizard-step-title");
        for (var i = 0; i < 3 && await title.InnerTextAsync() != ResultStepTitle; i++)
        {
            var before = await title.InnerTextAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(title).Not.ToHaveTextAsync(before);
        }
        await Expect(title).ToHaveTextAsync(ResultStepTitle);
    }

    public static async Task LogInWizardAsync(this IPage page, string templateDescription, string description)
    {
        await page.ChooseTemplateAsync(templateDescription);
        await page.DescribeInteractionAsync(description);
        await page.FinishWizardAsync();
    }

    /// <summary>The contact's log, searched down to the one entry with this description, which is then ticked.</summary>
    public static async Task<ILocator> SelectInLogAsync(this IPage page, string contactNo, string description)
    {
        await page.OpenAsync($"/interactionLogEntries?contactNo={contactNo}");
        await page.GetByTestId("log-search").Locator("input").FillAsync(description);
        var table = page.GetByTestId("log-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        var row = table.Locator("tbody tr").Filter(new() { HasText = description });
        await row.Locator("input[type=checkbox]").CheckAsync();
        return row;
    }

    public static ILocator DialogWith(this IPage page, string text) =>
        page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = text });

    public static Task AnswerAsync(this ILocator dialog, string button) =>
        dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
}
