using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Commands.PauseNotifications;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Notifications.Events;
using OrderTracking.Domain.Notifications;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Persistence.Configurations;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>
/// Sends due e-mails, fairly. It keeps up to <see cref="NotificationOptions.Parallelism"/> sends going and, whenever a
/// slot frees, claims more with <c>FOR UPDATE SKIP LOCKED</c> (so N instances never send one e-mail at once): at most
/// two per merchant at a time, merchants with nothing in flight first, none past its per-minute limit and no address
/// past its per-hour limit. A claim is a lease (<c>claimed_until</c>): a crashed instance's e-mail is tried again
/// when it ends. Each outcome is saved as its send finishes, so a slow or failing merchant holds no other's e-mails.
/// Before sending, an e-mail that a later one of its order has superseded, or whose address unsubscribed or whose
/// merchant was paused meanwhile, is recorded as such and not sent. Nothing about the recipient or the body is logged.
/// </summary>
public sealed partial class EmailSender(
    IServiceScopeFactory scopes,
    EmailSenderSignal signal,
    SmtpEmailSender smtp,
    IEmailChannel channel,
    IOptions<NotificationOptions> options,
    IMeterFactory meters,
    TimeProvider timeProvider,
    ILogger<EmailSender> logger) : BackgroundService
{
    /// <summary>E-mails of one merchant being sent at once, across an instance's slots.</summary>
    private const int PerMerchantInFlight = 2;

    /// <summary>The advisory lock that makes claims take turns across instances (any number no other lock here uses).</summary>
    private const long ClaimLockKey = 0x4E6F74696679;

    private readonly Counter<long> _outcomes = meters.Create("OrderTracking.Notifications")
        .CreateCounter<long>("ordertracking.notification.emails", unit: "{email}", description: "Customer e-mail send attempts by outcome.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.IsConfigured)
        {
            return;
        }

        var sending = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            sending.RemoveAll(send => send.IsCompleted);
            var free = Math.Max(options.Value.Parallelism, 1) - sending.Count;
            var claimed = 0;
            if (free > 0)
            {
                try
                {
                    var ids = await ClaimAsync(free, stoppingToken);
                    claimed = ids.Count;
                    sending.AddRange(ids.Select(id => SendAsync(id, stoppingToken)));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogClaimFailed(logger, ex);
                }
            }

            if (free > 0 && claimed == free)
            {
                continue;
            }

            // Sleep until woken (a new e-mail here), until a send finishes (a slot is free), or until the next poll.
            using var nap = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), nap.Token);
            await Task.WhenAny([woken, .. sending]);
            await nap.CancelAsync();
            try
            {
                await woken;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // A send finished first: a slot is free.
            }
        }

        await Task.WhenAll(sending);
    }

    private async Task<List<Guid>> ClaimAsync(int slots, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var leaseUntil = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(scope.ServiceProvider.GetRequiredService<IOptions<SmtpOptions>>().Value.TimeoutSeconds * 3 + 5);

        // One claim at a time across instances: the limits count what is sent and what is claimed, and a claim another
        // instance has not committed yet would be invisible to this one's count. The lock ends with the transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ClaimLockKey})", ct);
            var ids = await ClaimDueAsync(db, slots, leaseUntil, ct);
            await transaction.CommitAsync(ct);
            return ids;
        }, cancellationToken);
    }

    private async Task<List<Guid>> ClaimDueAsync(AppDbContext db, int slots, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var minuteAgo = now.AddMinutes(-1);
        var hourAgo = now.AddHours(-1);

        // Per merchant: at most two in flight and no more than its per-minute limit, counting sent and claimed ones. Per
        // address (across merchants): no more than its per-hour limit, counting sent and claimed ones, and the e-mails
        // claimed together for one address numbered so that they too stay within it.
        return await db.Database.SqlQuery<Guid>(
            $"""
            WITH merchant AS (
                SELECT p.merchant_id,
                    (SELECT count(*) FROM email_notifications f
                     WHERE f.merchant_id = p.merchant_id AND f.status = 'Pending' AND f.claimed_until >= {now}) AS in_flight,
                    (SELECT count(*) FROM email_notifications s
                     WHERE s.merchant_id = p.merchant_id
                       AND ((s.status = 'Sent' AND s.sent_at > {minuteAgo}) OR (s.status = 'Pending' AND s.claimed_until >= {now}))) AS used
                FROM email_notifications p
                WHERE p.status = 'Pending' AND p.next_attempt_at <= {now} AND (p.claimed_until IS NULL OR p.claimed_until < {now})
                GROUP BY p.merchant_id
            ),
            due AS (
                SELECT n.id, n.recipient, n.next_attempt_at, merchant.in_flight,
                    (SELECT count(*) FROM email_notifications r
                     WHERE r.recipient = n.recipient
                       AND ((r.status = 'Sent' AND r.sent_at > {hourAgo}) OR (r.status = 'Pending' AND r.claimed_until >= {now}))) AS recipient_used
                FROM merchant
                CROSS JOIN LATERAL (
                    SELECT n.id, n.recipient, n.next_attempt_at FROM email_notifications n
                    WHERE n.merchant_id = merchant.merchant_id AND n.status = 'Pending' AND n.next_attempt_at <= {now}
                      AND (n.claimed_until IS NULL OR n.claimed_until < {now})
                      AND (SELECT count(*) FROM email_notifications r
                           WHERE r.recipient = n.recipient
                             AND ((r.status = 'Sent' AND r.sent_at > {hourAgo}) OR (r.status = 'Pending' AND r.claimed_until >= {now}))) < {settings.PerRecipientPerHour}
                    ORDER BY n.next_attempt_at, n.id
                    LIMIT GREATEST(LEAST({PerMerchantInFlight} - merchant.in_flight, {settings.PerMerchantPerMinute} - merchant.used), 0)
                    FOR UPDATE OF n SKIP LOCKED
                ) n
            ),
            allowed AS (
                SELECT due.id, due.in_flight, due.next_attempt_at,
                    due.recipient_used + row_number() OVER (PARTITION BY due.recipient ORDER BY due.in_flight, due.next_attempt_at, due.id) AS nth
                FROM due
            )
            UPDATE email_notifications SET claimed_until = {leaseUntil}, attempt_count = attempt_count + 1
            WHERE id IN (
                SELECT allowed.id FROM allowed
                WHERE allowed.nth <= {settings.PerRecipientPerHour}
                ORDER BY allowed.in_flight, allowed.next_attempt_at, allowed.id
                LIMIT {slots})
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    private async Task SendAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var email = await db.EmailNotifications.FirstAsync(e => e.Id == id, cancellationToken);
            var outcome = await DecideAsync(db, email, cancellationToken);
            db.Entry(email).Property(EmailNotificationConfiguration.ClaimedUntil).CurrentValue = null;
            await db.SaveChangesAsync(CancellationToken.None);
            _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            if (email.Status is not EmailNotificationStatus.Sent)
            {
                LogOutcome(logger, email.Id, email.MerchantId, email.Event.ToString(), email.Status.ToString(), email.AttemptCount, email.LastError);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The claim ends with its lease and the e-mail is tried again then.
            LogSendFailed(logger, id, ex);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease ends and another instance (or this one, restarted) sends it.
        }
    }

    /// <summary>Sends the e-mail unless it should no longer go out, and records what happened; returns the outcome for the counter.</summary>
    private async Task<string> DecideAsync(AppDbContext db, EmailNotification email, CancellationToken cancellationToken)
    {
        if (email.OrderId is { } orderId && await db.EmailNotifications.AnyAsync(
                newer => newer.OrderId == orderId && newer.Recipient == email.Recipient && newer.OccurredAt > email.OccurredAt, cancellationToken))
        {
            email.Supersede();
            return "superseded";
        }

        if (await db.NotificationSettings.AnyAsync(s => s.MerchantId == email.MerchantId && s.IsPaused, cancellationToken))
        {
            email.Withhold(PauseNotificationsCommandHandler.PausedReason);
            return "withheld";
        }

        if (!email.IsTest && await db.EmailSuppressions.AnyAsync(
                s => s.MerchantId == email.MerchantId && s.Address == email.Recipient && (s.OrderId == null || s.OrderId == email.OrderId), cancellationToken))
        {
            email.Withhold(CustomerEmailPlanner.UnsubscribedReason);
            return "withheld";
        }

        var result = await smtp.SendAsync(email, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (result.Accepted)
        {
            email.Sent(now);
            return "sent";
        }

        // The server's answer may quote the address; it is stored (and logged) masked.
        var error = result.Error!.Replace(email.Recipient, email.RecipientMasked, StringComparison.OrdinalIgnoreCase);
        email.AttemptFailed(error, result.Permanent, options.Value.RetrySchedule, Random.Shared.NextDouble(), now);
        return email.Status == EmailNotificationStatus.Failed ? "failed" : "retry_scheduled";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming customer e-mails failed; will try again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending customer e-mail {EmailId} failed unexpectedly; it is tried again when its claim ends")]
    private static partial void LogSendFailed(ILogger logger, Guid emailId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer e-mail {EmailId} of merchant {MerchantId} ({Event}) is {Status} after attempt {Attempt}: {Reason}")]
    private static partial void LogOutcome(ILogger logger, Guid emailId, Guid merchantId, string @event, string status, int attempt, string? reason);
}
