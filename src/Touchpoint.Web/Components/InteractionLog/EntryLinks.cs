namespace Touchpoint.Web.Components.InteractionLog;

/// <summary>Where an interaction log entry's card is: every list that shows entries links there.</summary>
public static class EntryLinks
{
    public static string Card(long entryNo) => $"/interactionLogEntries/{entryNo}";
}
