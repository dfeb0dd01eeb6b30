namespace OrderTracking.Domain.Proofs;

/// <summary>How a merchant wants one part of the proof of delivery: not asked for, asked for, or needed to deliver.</summary>
public enum ProofRequirement
{
    Optional,
    Required,
    Off,
}
