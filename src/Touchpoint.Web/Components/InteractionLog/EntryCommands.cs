using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;
using Touchpoint.Core.Interactions;
using Touchpoint.Web.Common;
using Touchpoint.Web.Components.Shared;

namespace Touchpoint.Web.Components.InteractionLog;

/// <summary>
/// The entry actions that ask before they act, as the log list and the entry's card both offer them: one place for
/// BC's questions and the texts that report the result. The use cases decide; a refusal comes back as the
/// <see cref="DomainException"/> for the page to show.
/// </summary>
public static class EntryCommands
{
    /// <summary>
    /// Rule 29: BC's question (for one line with its Entry No., for several with their count; default Yes), then,
    /// when canceling entries with an attachment nothing else uses, the second one (default No). Null when not confirmed.
    /// </summary>
    public static async Task<int?> SwitchCanceledAsync(this IDialogService dialogs, IStringLocalizer l, IServiceScopeFactory scopes,
        IReadOnlyList<long> entryNos, bool cancel, string userId)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(entryNos);
        if (entryNos.Count == 0)
        {
            return null;
        }
        var title = cancel ? l["CancelEntries"] : l["UncancelEntries"];
        var question = entryNos.Count == 1
            ? cancel ? l["ConfirmCancelOne", l["EntryNo"], entryNos[0]] : l["ConfirmUncancelOne", l["EntryNo"], entryNos[0]]
            : cancel ? l["ConfirmCancelMany", entryNos.Count] : l["ConfirmUncancelMany", entryNos.Count];
        if (!await dialogs.AskAsync(l, title, question, defaultAnswer: true))
        {
            return null;
        }
        var removeUniqueAttachments = cancel
            && await scopes.RunAsync<CancelInteractionLogEntries, int>(h => h.CountUniqueAttachmentsAsync(entryNos)) > 0
            && await dialogs.AskAsync(l, title, entryNos.Count == 1 ? l["ConfirmRemoveAttachmentOne"] : l["ConfirmRemoveAttachmentsMany"], defaultAnswer: false);
        return await scopes.RunAsync<CancelInteractionLogEntries, int>(h => h.HandleAsync(entryNos, cancel, userId, removeUniqueAttachments));
    }

    /// <summary>"1 entry was marked as canceled.", "3 entries were …", in the language's plural form.</summary>
    public static string SwitchedText(this IStringLocalizer l, bool cancel, int count) =>
        l.Plural(cancel ? "EntriesCanceled" : "EntriesUncanceled", count);

    /// <summary>
    /// Rule 50 for the entries chosen (at most ResendAttachments.MaxEntries, which the use case checks): the dialog runs
    /// it and says what it refuses. The number of entries that go again, null when the dialog was closed.
    /// </summary>
    public static async Task<int?> ResendAsync(this IDialogService dialogs, IStringLocalizer l, IServiceScopeFactory scopes, bool emailSetUp,
        IReadOnlyList<long> entryNos, InteractionLogEntryDto? one, string userId)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(entryNos);
        var parameters = new DialogParameters<ResendDialog>
        {
            { d => d.What, entryNos.Count == 1 ? l["ResendOneEntry", entryNos[0]] : l.Plural("ResendSelectedEntries", entryNos.Count) },
            { d => d.SomeByEmail, !emailSetUp && await SomeByEmailAsync(scopes, entryNos, one) },
            {
                d => d.Resend, async (request, _) => (await scopes.RunAsync<ResendAttachments, IReadOnlyList<InteractionLogEntryDto>>(
                    h => h.EntriesAsync(entryNos, request, userId))).Count
            },
        };
        var dialog = await dialogs.ShowAsync<ResendDialog>(l["Resend"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false, Data: int count } ? count : null;
    }

    public static string ResentText(this IStringLocalizer l, int count)
    {
        ArgumentNullException.ThrowIfNull(l);
        return count == 1 ? l["EntriesResentOne"] : l["EntriesResent", count.ToString("N0", CultureInfo.CurrentCulture)];
    }

    // Only asked while e-mail is not set up: whether "Same as Entry" would need it.
    private static async Task<bool> SomeByEmailAsync(IServiceScopeFactory scopes, IReadOnlyList<long> entryNos, InteractionLogEntryDto? one)
    {
        if (one is not null)
        {
            return one.CorrespondenceType == CorrespondenceType.Email;
        }
        var entries = await scopes.RunAsync<GetInteractionLogEntry, IReadOnlyList<InteractionLogEntryDto>>(h => h.ManyAsync(entryNos));
        return entries.Any(e => e.CorrespondenceType == CorrespondenceType.Email);
    }
}
