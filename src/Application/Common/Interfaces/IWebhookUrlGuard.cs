namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Checks an endpoint address when it is saved: its shape and every address its host resolves to.</summary>
public interface IWebhookUrlGuard
{
    /// <summary>Why webhooks may not go to <paramref name="url"/>, or null when they may.</summary>
    Task<string?> RefusalAsync(string url, CancellationToken cancellationToken);
}
