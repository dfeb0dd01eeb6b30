using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.Application.Proofs.Common;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>
/// Gives the parts of a <c>multipart/form-data</c> body the limits the action declares, which NSwag leaves out of the
/// form's schema: a text part its <see cref="MaxLengthAttribute"/> (on the action's parameter or on the property of
/// the form contract it is bound to), a file part the largest file any deployment accepts
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

        var parts = ((AspNetCoreOperationProcessorContext)context).ApiDescription.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
            .ToList();
        foreach (var (name, property) in form.ActualSchema.Properties)
        {
            var part = parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (part is null)
            {
                continue;
            }

            if (MaxLengthOf(part) is { } maxLength)
            {
                property.MaxLength = maxLength.Length;
            }
            else if (part.Type == typeof(IFormFile))
            {
                property.MaxLength = (int)ProofOfDeliveryOptions.MaxFileBytesCeiling;
            }
        }

        return true;
    }

    /// <summary>The limit on the form contract's property the part is bound to, or on the action's parameter.</summary>
    private static MaxLengthAttribute? MaxLengthOf(ApiParameterDescription part) =>
        part.ModelMetadata is { ContainerType: { } container, PropertyName: { } property }
            ? container.GetProperty(property)?.GetCustomAttribute<MaxLengthAttribute>()
            : (part.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttribute<MaxLengthAttribute>();
}
