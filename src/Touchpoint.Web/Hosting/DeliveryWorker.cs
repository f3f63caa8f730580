using Microsoft.Extensions.Options;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Web.Hosting;

/// <summary>
/// Delivers e-mail interactions in the background (rules 48–49): round after round of <see cref="DeliverEmail"/>
/// while rows are due, then waits until a commit wrote new ones (<see cref="DeliverySignal"/>) or the poll interval
/// has passed (rows of other instances, retries). Every instance runs one; the delivery sorter's claims keep them
/// from sending a row twice. Does nothing when e-mail is not set up.
/// </summary>
internal sealed class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<SmtpOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    // Which worker holds a claim: unique per instance, readable in the table.
    private readonly string _name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsSetUp)
        {
            return;
        }
        await using var smtp = new SmtpSession(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                using var scope = scopes.CreateScope();
                claimed = await scope.ServiceProvider.GetRequiredService<DeliverEmail>().RunAsync(smtp, _name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database was unreachable, say: the claimed rows are taken again when their claim runs out.
                logger.LogError(e, "E-mail delivery failed; trying again in {Interval}", options.Value.PollInterval);
            }
            if (claimed == 0)
            {
                await smtp.CloseAsync(stoppingToken);
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
