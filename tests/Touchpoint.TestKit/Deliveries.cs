using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;

namespace Touchpoint.TestKit;

/// <summary>
/// Puts an entry's delivery where a test needs it (In Progress, Error with a reason, sent at a time) straight in the
/// database, as the delivery worker leaves it, without an SMTP server.
/// </summary>
public static class Deliveries
{
    public static Task MarkDeliveryAsync(this TouchpointApp app, long entryNo, DeliveryStatus status, DateTimeOffset? deliveredAt = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.Where(e => e.EntryNo == entryNo)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.DeliveryStatus, status)
                .SetProperty(e => e.DeliveredAt, deliveredAt)
                .SetProperty(e => e.DeliveryError, error)));
    }
}
