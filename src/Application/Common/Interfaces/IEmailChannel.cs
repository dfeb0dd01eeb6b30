namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Whether this deployment can send e-mail at all (a mail server is configured); without one nothing is planned.</summary>
public interface IEmailChannel
{
    bool IsConfigured { get; }
}
