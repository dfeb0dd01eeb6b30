using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Infrastructure.Retention;

namespace OrderTracking.Infrastructure.Proofs;

/// <summary>
/// Proof images and positions are kept <c>ProofOfDelivery:RetentionDays</c> (90) after the delivery, then deleted from
/// the file store and blanked on the proof; the recipient's name and the facts that there was a photo and a signature
/// stay. The files go first: a run stopped in between deletes nothing twice and blanks the rows on the next run.
/// </summary>
public sealed class ProofOfDeliveryRetentionRule(
    IDeliveryProofRepository proofs,
    IProofFileStore files,
    IUnitOfWork unitOfWork,
    IOptions<ProofOfDeliveryOptions> options,
    TimeProvider timeProvider) : IRetentionRule
{
    private const int BatchSize = 100;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
        var changed = 0;
        while (true)
        {
            var expired = await proofs.ListExpiredAsync(cutoff, BatchSize, cancellationToken);
            if (expired.Count == 0)
            {
                return changed;
            }

            await files.DeleteAsync(expired.SelectMany(p => p.Files).Select(f => f.Key).ToList(), cancellationToken);
            foreach (var proof in expired)
            {
                proof.RemoveFiles(now);
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
            changed += expired.Count;
            if (expired.Count < BatchSize)
            {
                return changed;
            }
        }
    }
}
