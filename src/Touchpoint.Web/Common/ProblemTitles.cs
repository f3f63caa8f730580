using System.Globalization;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>
/// The problems ASP.NET Core writes by itself (401 and 403 from authorization, 404 and 405 from routing, a 500) carry
/// its English default title; this puts them in the caller's language. Titles the app set itself are already in it
/// and are left alone.
/// </summary>
internal static class ProblemTitles
{
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status)
        {
            return;
        }
        var key = "ProblemTitle_" + status.ToString(CultureInfo.InvariantCulture);
        if (Messages.English(key) is { } english && (problem.Title is null || problem.Title == english))
        {
            problem.Title = Messages.Get(key);
        }
    }
}
