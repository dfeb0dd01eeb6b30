using OrderTracking.Application.Proofs.Commands.DeliverWithProof;

namespace OrderTracking.WebApi.Contracts;

/// <summary>Reads an uploaded image for the Application, which checks its size and content.</summary>
public static class ProofUploads
{
    public static async Task<ProofUpload?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        return new ProofUpload(content.ToArray());
    }
}
