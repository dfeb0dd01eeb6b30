using System.ComponentModel.DataAnnotations;
using System.Reflection;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.Application.Proofs.Common;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>
/// Gives the parts of a <c>multipart/form-data</c> body the limits the action declares, which NSwag leaves out of the
/// form's schema: a text part its <see cref="MaxLengthAttribute"/>, a file part the largest file any deployment accepts
/// (<see cref="ProofOfDeliveryOptions.MaxFileBytesCeiling"/>, in bytes).
/// </summary>
public sealed class MultipartLimitsProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var form = context.OperationDescription.Operation.RequestBody?.Content.TryGetValue("multipart/form-data", out var media) == true ? media.Schema : null;
        if (form is null)
        {
            return true;
        }

        var parameters = ((AspNetCoreOperationProcessorContext)context).MethodInfo.GetParameters();
        foreach (var (name, property) in form.ActualSchema.Properties)
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter?.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
            {
                property.MaxLength = maxLength.Length;
            }
            else if (parameter?.ParameterType == typeof(IFormFile))
            {
                property.MaxLength = (int)ProofOfDeliveryOptions.MaxFileBytesCeiling;
            }
        }

        return true;
    }
}
