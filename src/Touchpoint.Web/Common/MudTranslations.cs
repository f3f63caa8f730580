using Microsoft.Extensions.Localization;
using MudBlazor;
using Touchpoint.Web.Resources;

namespace Touchpoint.Web.Common;

/// <summary>
/// MudBlazor's own texts (pager, table, "Clear" buttons, date picker, close buttons) in Dutch, Swedish and Russian.
/// They live with the UI's texts in SharedResource under "MudBlazor_" + MudBlazor's key. MudBlazor asks this only for
/// languages other than English, and falls back to its own English for a key not found here.
/// </summary>
internal sealed class MudTranslations(IStringLocalizer<SharedResource> texts) : MudLocalizer
{
    public const string Prefix = "MudBlazor_";

    public override LocalizedString this[string key]
    {
        get
        {
            var text = texts[Prefix + key];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = texts[Prefix + key, arguments];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }
}
