namespace Touchpoint.Web.Resources;

/// <summary>Marker for the UI texts in SharedResource.resx (English) and its .nl/.sv/.ru translations.</summary>
public sealed class SharedResource;
