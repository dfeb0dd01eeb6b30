using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Infrastructure.Retention;

namespace OrderTracking.Infrastructure.Proofs;

public static class ProofServices
{
    /// <summary>Proofs of delivery: their repository, the image cleaner, the file store the settings choose, and the retention rule.</summary>
    public static IServiceCollection AddProofsOfDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProofOfDeliveryOptions>().Bind(configuration.GetSection(ProofOfDeliveryOptions.SectionName))
            .Validate(o => o.MaxFileBytes is >= 64 * 1024 and <= ProofOfDeliveryOptions.MaxFileBytesCeiling,
                $"ProofOfDelivery:MaxFileBytes must be between 65536 and {ProofOfDeliveryOptions.MaxFileBytesCeiling}.")
            .Validate(o => o.RetentionDays >= 1, "ProofOfDelivery:RetentionDays must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ProofStorageOptions>().Bind(configuration.GetSection(ProofStorageOptions.SectionName))
            .Validate(o => o.Provider != ProofStorageProvider.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "ProofStorage:S3:Bucket is required with ProofStorage:Provider=S3.")
            .ValidateOnStart();

        services.AddScoped<IDeliveryProofRepository, DeliveryProofRepository>();
        services.AddSingleton<IProofImageSanitizer, MagickProofImageSanitizer>();
        services.AddScoped<IRetentionRule, ProofOfDeliveryRetentionRule>();

        services.AddSingleton<IAmazonS3>(provider => CreateS3Client(provider.GetRequiredService<IOptions<ProofStorageOptions>>().Value.S3));
        services.AddScoped<DatabaseProofFileStore>();
        services.AddScoped<S3ProofFileStore>();
        services.AddScoped<IProofFileStore>(provider =>
            provider.GetRequiredService<IOptions<ProofStorageOptions>>().Value.Provider == ProofStorageProvider.S3
                ? provider.GetRequiredService<S3ProofFileStore>()
                : provider.GetRequiredService<DatabaseProofFileStore>());
        return services;
    }

    private static AmazonS3Client CreateS3Client(S3ProofStorageOptions s3)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // S3-compatible servers do not all take the SDK's newer default checksums; send them only where required.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };
        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl))
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        }

        return string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }
}
