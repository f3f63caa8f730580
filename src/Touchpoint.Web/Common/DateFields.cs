namespace Touchpoint.Web.Common;

/// <summary>MudDatePicker works with DateTime; Touchpoint's dates are DateOnly (BC's Date).</summary>
public static class DateFields
{
    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
