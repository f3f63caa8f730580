using Microsoft.Extensions.Localization;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Web.Components.Shared;

/// <summary>The captions of BC's options in the user's language (resource keys "Enum_Value").</summary>
public static class EnumTexts
{
    public static string Caption(this IStringLocalizer l, ContactType value) => Get(l, nameof(ContactType), value.ToString());

    public static string Caption(this IStringLocalizer l, CorrespondenceType value) => Get(l, nameof(CorrespondenceType), value.ToString());

    public static string Caption(this IStringLocalizer l, LinkToTable value) => Get(l, nameof(LinkToTable), value.ToString());

    public static string Caption(this IStringLocalizer l, InformationFlow value) => Get(l, nameof(InformationFlow), value.ToString());

    public static string Caption(this IStringLocalizer l, InitiatedBy value) => Get(l, nameof(InitiatedBy), value.ToString());

    public static string Caption(this IStringLocalizer l, WizardAction value) => Get(l, nameof(WizardAction), value.ToString());

    public static string Caption(this IStringLocalizer l, Touchpoint.Core.Opportunities.OpportunityStatus value) =>
        Get(l, nameof(Touchpoint.Core.Opportunities.OpportunityStatus), value.ToString());

    private static string Get(IStringLocalizer l, string type, string value)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"{type}_{value}"];
    }
}
