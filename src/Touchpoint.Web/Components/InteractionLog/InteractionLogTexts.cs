using Microsoft.Extensions.Localization;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Components.InteractionLog;

/// <summary>The captions of the interaction log's options in the user's language (resource keys "Evaluation_Value", "DocumentType_Value").</summary>
public static class InteractionLogTexts
{
    public static string EvaluationText(this IStringLocalizer l, Evaluation value)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"{nameof(Evaluation)}_{value}"];
    }

    public static string DocumentTypeText(this IStringLocalizer l, DocumentType value)
    {
        ArgumentNullException.ThrowIfNull(l);
        return value == DocumentType.None ? "" : l[$"{nameof(DocumentType)}_{value}"];
    }
}
