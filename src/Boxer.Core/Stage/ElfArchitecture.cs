using System.Buffers.Binary;

namespace Boxer.Core.Stage;

/// <summary>
/// The CPU architecture an ELF file is built for, in Go/OCI naming, read from its header:
/// <code>
///  off  len  field
///    0    4  magic 7F 'E' 'L' 'F'
///    4    1  class: 1 = 32-bit, 2 = 64-bit
///    5    1  data: 1 = little-endian, 2 = big-endian
///   16    2  e_type: 2 = executable, 3 = shared object / PIE
///   18    2  e_machine
/// </code>
/// </summary>
internal static class ElfArchitecture
{
    public const int HeaderLength = 20;
    private const int ClassOffset = 4;
    private const int DataOffset = 5;
    private const int TypeOffset = 16;
    private const int MachineOffset = 18;
    private const byte Class64 = 2;
    private const byte BigEndian = 2;

    public static bool IsElf(ReadOnlySpan<byte> head) =>
        head.Length >= HeaderLength && head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']);

    /// <summary>True for executables and shared objects (PIE executables are shared objects).</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> head) => IsElf(head) && Read16(head, TypeOffset) is 2 or 3;

    /// <summary>The Go architecture name, or null when the machine is not one boxer knows.</summary>
    public static string? Name(ReadOnlySpan<byte> head)
    {
        if (!IsElf(head))
        {
            return null;
        }
        bool is64 = head[ClassOffset] == Class64;
        bool big = head[DataOffset] == BigEndian;
        return Read16(head, MachineOffset) switch
        {
            62 when is64 => "amd64",
            3 => "386",
            183 when is64 && !big => "arm64",
            // ArmVariantReader reads the 32-bit layout only.
            40 when !big && !is64 => "arm",
            21 when is64 => big ? "ppc64" : "ppc64le",
            20 => "ppc",
            243 => is64 ? "riscv64" : "riscv32",
            22 => is64 ? "s390x" : "s390",
            258 when is64 => "loong64",
            8 => (is64 ? "mips64" : "mips") + (big ? "" : "le"),
            43 => "sparc64",
            _ => null,
        };
    }

    private static ushort Read16(ReadOnlySpan<byte> head, int offset) =>
        head[DataOffset] == BigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(head[offset..])
            : BinaryPrimitives.ReadUInt16LittleEndian(head[offset..]);
}
