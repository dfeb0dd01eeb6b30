using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Proofs.Commands.DeliverWithProof;

/// <summary>An image as it was uploaded: its bytes, whatever the client called its type.</summary>
public sealed record ProofUpload(byte[] Content);

/// <summary>
/// Marks an order delivered together with its proof: the recipient's name, a photo, a signature and the position at
/// the door, each as its merchant's policy asks. The images are checked by their content and stored without metadata.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Delivery, ActorType.Partner)]
public sealed record DeliverWithProofCommand(
    OrderKey Order,
    string? RecipientName = null,
    string? Note = null,
    DateTimeOffset? OccurredAt = null,
    ProofUpload? Photo = null,
    ProofUpload? Signature = null,
    double? Latitude = null,
    double? Longitude = null,
    double? AccuracyMeters = null,
    uint? ExpectedVersion = null) : ICommand<OrderDto>, IIdempotentCommand;

public sealed class DeliverWithProofCommandValidator : AbstractValidator<DeliverWithProofCommand>
{
    public DeliverWithProofCommandValidator(IOptions<ProofOfDeliveryOptions> options)
    {
        var maxBytes = options.Value.MaxFileBytes;
        var limit = $"{maxBytes / (1024.0 * 1024.0):0.#} MB";
        RuleFor(c => c.Note).MaximumLength(Order.MaxNotesLength);
        RuleFor(c => c.RecipientName).MaximumLength(Order.MaxRecipientNameLength);
        RuleFor(c => c.Photo!.Content).Cascade(CascadeMode.Stop)
            .Must(content => content.LongLength <= maxBytes).WithMessage($"The photo is larger than {limit}; take it again at a lower resolution.")
            .Must(IsImage).WithMessage("The photo must be a JPEG, PNG or WebP image.")
            .OverridePropertyName(nameof(DeliverWithProofCommand.Photo))
            .When(c => c.Photo is not null);
        RuleFor(c => c.Signature!.Content).Cascade(CascadeMode.Stop)
            .Must(content => content.LongLength <= maxBytes).WithMessage($"The signature is larger than {limit}.")
            .Must(IsImage).WithMessage("The signature must be a PNG, JPEG or WebP image.")
            .OverridePropertyName(nameof(DeliverWithProofCommand.Signature))
            .When(c => c.Signature is not null);
        RuleFor(c => c.Latitude).NotNull().When(c => c.Longitude is not null).WithMessage("Send the latitude with the longitude.");
        RuleFor(c => c.Longitude).NotNull().When(c => c.Latitude is not null).WithMessage("Send the longitude with the latitude.");
        RuleFor(c => c.Latitude).InclusiveBetween(-90, 90);
        RuleFor(c => c.Longitude).InclusiveBetween(-180, 180);
        RuleFor(c => c.AccuracyMeters).InclusiveBetween(0, DeliveryPosition.MaxAccuracyMeters);
    }

    private static bool IsImage(byte[] content) => ProofImageFormats.Detect(content) is not null;
}

public sealed class DeliverWithProofCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IDeliveryProofRepository proofs,
    IProofFileStore files,
    IProofImageSanitizer sanitizer,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<DeliverWithProofCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(DeliverWithProofCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindForUpdateAsync(command.Order, OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", command.Order);
        var policy = await proofs.GetPolicyAsync(order.MerchantId, cancellationToken);

        // Read and cleaned before anything changes, so an unreadable image is a 400 that stores nothing.
        var photo = policy.Photo == ProofRequirement.Off ? null : Clean(command.Photo, "Photo", "photo");
        var signature = policy.Signature == ProofRequirement.Off ? null : Clean(command.Signature, "Signature", "signature");
        var position = command is { Latitude: { } latitude, Longitude: { } longitude } ? new DeliveryPosition(latitude, longitude, command.AccuracyMeters) : null;

        var details = new StatusChangeDetails(command.Note, RecipientName: command.RecipientName, OccurredAt: command.OccurredAt);
        await OrderStatusChange.ApplyAsync(order, OrderStatus.Delivered, details, command.ExpectedVersion, actor, unitOfWork, timeProvider, cancellationToken,
            async (now, token) =>
            {
                policy.EnsureSatisfiedBy(photo is not null, signature is not null, !string.IsNullOrWhiteSpace(command.RecipientName));
                var photoFile = await StoreAsync(order, photo, "photo", token);
                var signatureFile = await StoreAsync(order, signature, "signature", token);
                proofs.Add(DeliveryProof.Record(order, policy, command.RecipientName, photoFile, signatureFile, position, command.OccurredAt, now));
            });
        return order.ToDto(actor, timeProvider.GetUtcNow());
    }

    private SanitizedImage? Clean(ProofUpload? upload, string field, string what)
    {
        if (upload is null)
        {
            return null;
        }

        var format = ProofImageFormats.Detect(upload.Content) ?? throw new DomainValidationException(field, $"The {what} must be a JPEG, PNG or WebP image.");
        return sanitizer.Sanitize(upload.Content, format)
            ?? throw new DomainValidationException(field, $"The {what} could not be read as an image; take it again.");
    }

    /// <summary>Under a key nobody can guess or derive from the order, so a file is reachable only through its authorized routes.</summary>
    private async Task<ProofFile?> StoreAsync(Order order, SanitizedImage? image, string kind, CancellationToken cancellationToken)
    {
        if (image is null)
        {
            return null;
        }

        var key = $"proofs/{order.Id:N}/{kind}-{Guid.NewGuid():N}";
        await files.PutAsync(key, image.Content, image.ContentType, cancellationToken);
        return new ProofFile(key, image.ContentType, image.Content.LongLength);
    }
}
