using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Touchpoint.Web.Components.Shared;

/// <summary>Asks a BC-style Yes/No question with its default answer (<see cref="QuestionDialog"/>).</summary>
public static class Questions
{
    /// <summary>True for Yes; No, Escape and closing the dialog are false.</summary>
    public static async Task<bool> AskAsync(this IDialogService dialogs, IStringLocalizer l, string title, string message, bool defaultAnswer)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(l);
        var parameters = new DialogParameters<QuestionDialog>
        {
            { d => d.Message, message },
            { d => d.YesText, l["Yes"].Value },
            { d => d.NoText, l["NoAnswer"].Value },
            { d => d.DefaultAnswer, defaultAnswer },
        };
        var dialog = await dialogs.ShowAsync<QuestionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
