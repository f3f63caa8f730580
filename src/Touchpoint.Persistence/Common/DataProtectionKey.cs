namespace Touchpoint.Persistence.Common;

/// <summary>
/// A data-protection key ring entry, kept in the database so that several web instances on one PostgreSQL share
/// cookies and tokens.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
