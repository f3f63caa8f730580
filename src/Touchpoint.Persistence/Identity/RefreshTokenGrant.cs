namespace Touchpoint.Persistence.Identity;

/// <summary>
/// One refresh token that may still be used. Identity's refresh tokens are self-contained and reusable for 14 days;
/// here each one carries the id of its grant, and redeeming it deletes the grant, so a refresh token works once
/// (a copy replayed later, or by a second party, is refused). Grants of other sessions of the same user are not touched.
/// </summary>
public sealed class RefreshTokenGrant
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }
}
