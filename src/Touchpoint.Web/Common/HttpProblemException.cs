namespace Touchpoint.Web.Common;

/// <summary>A refusal that is about the HTTP request itself (415, 413), not about business rules.</summary>
internal sealed class HttpProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
