namespace Boxer.Core.Sources;

/// <summary>One line of a digests file: an algorithm (<c>SHA512</c>, <c>BLAKE2B</c>, <c>SHA256</c>), the hex digest, the file it names.</summary>
public sealed record DigestEntry(string Algorithm, string Hex, string FileName);
