namespace OrderTracking.Infrastructure.Retention;

/// <summary>One kind of data that is deleted or blanked once it has outlived its use; the retention job runs every rule.</summary>
public interface IRetentionRule
{
    /// <summary>Deletes or blanks what this rule no longer keeps; returns how many rows it changed.</summary>
    Task<int> ApplyAsync(CancellationToken cancellationToken);
}
