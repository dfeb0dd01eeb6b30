using System.Text.Encodings.Web;
using Fluid;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>
/// Renders customer e-mails from the Liquid templates embedded beside this class (<c>Templates/</c>), with Fluid:
/// the HTML part HTML-encodes every value (merchant names and links included), the plain-text part encodes nothing.
/// A template reads only the values listed in <see cref="Model"/>, by their Liquid (snake_case) names. The templates
/// are parsed once.
/// </summary>
public sealed class FluidEmailRenderer : IEmailRenderer
{
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().WithMaxSteps(10_000).Build();
    private static readonly IFluidTemplate Html = Parse("customer-email.html.liquid");
    private static readonly IFluidTemplate Text = Parse("customer-email.txt.liquid");

    public EmailParts Render(EmailContent content)
    {
        var model = Model(content);
        return new EmailParts(
            Tidy(Text.Render(new TemplateContext(model, Options), NullEncoder.Default)),
            Html.Render(new TemplateContext(model, Options), HtmlEncoder.Default));
    }

    private static Dictionary<string, object?> Model(EmailContent content) => new()
    {
        ["subject"] = content.Subject,
        ["preheader"] = content.Preheader,
        ["headline"] = content.Headline,
        ["details"] = content.Details,
        ["status_label"] = content.StatusLabel,
        ["tracking_code"] = content.TrackingCode,
        ["tracking_url"] = content.TrackingUrl,
        ["merchant_name"] = content.MerchantName,
        ["merchant_phone"] = content.MerchantPhone,
        ["merchant_email"] = content.MerchantEmail,
        ["contact_hint"] = content.ContactHint,
        ["accent_colour"] = content.AccentColour,
        ["accent_text_colour"] = content.AccentTextColour,
        ["logo_url"] = content.LogoUrl,
        ["unsubscribe_order_url"] = content.UnsubscribeOrderUrl,
        ["unsubscribe_all_url"] = content.UnsubscribeAllUrl,
        ["is_test"] = content.IsTest,
        ["language"] = content.Language,
    };

    private static IFluidTemplate Parse(string name)
    {
        using var stream = typeof(FluidEmailRenderer).Assembly.GetManifestResourceStream($"OrderTracking.Infrastructure.Notifications.Templates.{name}")
            ?? throw new InvalidOperationException($"The e-mail template {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var parser = new FluidParser();
        return parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The e-mail template {name} does not parse: {error}");
    }

    /// <summary>At most one blank line in a row, as a person would type it.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = lines.Where((line, i) => line.Length > 0 || (i > 0 && lines[i - 1].Length > 0)).ToList();
        return string.Join("\r\n", kept).Trim() + "\r\n";
    }
}
