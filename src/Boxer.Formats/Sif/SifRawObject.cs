namespace Boxer.Formats.Sif;

/// <summary>A used descriptor slot, kept as its raw 585 bytes (the integrity digest covers raw fields) with its parsed view.</summary>
/// <param name="Slot">The slot's index in the descriptor table.</param>
/// <param name="Raw">The slot's bytes.</param>
/// <param name="Descriptor">The parsed descriptor.</param>
internal sealed record SifRawObject(int Slot, byte[] Raw, SifDescriptor Descriptor);
