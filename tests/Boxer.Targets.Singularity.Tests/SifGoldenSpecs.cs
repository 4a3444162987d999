using Boxer.Formats.Sif;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>Our SIF writer reproduces sylabs/sif's golden files byte for byte; our reader parses every reference file.</summary>
public sealed class SifGoldenSpecs
{
    private static readonly byte[] Face = [0xfa, 0xce];
    private static readonly byte[] Feed = [0xfe, 0xed];

    public static TheoryData<string> Goldens => new(
        "Empty", "EmptyLaunchScript", "EmptyWithID", "EmptyWithTime", "OneDescriptor",
        "TwoDescriptors", "TwoDescriptorsNotAligned", "TwoDescriptorsAligned");

    public static TheoryData<string> AllFiles => new(Directory.GetFiles(GoldenDirectory, "*.*")
        .Where(f => f.EndsWith(".golden", StringComparison.Ordinal) || f.EndsWith(".sif", StringComparison.Ordinal))
        .Select(Path.GetFileName)!);

    private static string GoldenDirectory => Path.Combine(RepoPaths.Root, "tests", "Boxer.Targets.Singularity.Tests", "Golden");

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task I_write_the_golden_file_byte_for_byte(string name)
    {
        var (options, objects) = Inputs(name);
        using var output = new MemoryStream();

        await new SifWriter(options).WriteAsync(output, objects);

        Assert.Equal(File.ReadAllBytes(Path.Combine(GoldenDirectory, name + ".golden")), output.ToArray());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void I_can_read_every_reference_file(string file)
    {
        using var stream = File.OpenRead(Path.Combine(GoldenDirectory, file));

        var image = SifReader.Read(stream);

        Assert.Equal(image.Header.DescriptorsTotal - image.Header.DescriptorsFree, image.Descriptors.Count);
        foreach (var d in image.Descriptors)
        {
            Assert.Equal(d.Size, SifReader.ReadObject(stream, d).Length);
        }
    }

    [Fact]
    public void The_real_busybox_image_reads_as_singularity_built_it()
    {
        var image = SifReader.Read(Path.Combine(GoldenDirectory, "busybox_amd64.sif"));

        Assert.Equal("#!/usr/bin/env run-singularity\n", image.Header.LaunchScript);
        Assert.Equal("02", image.Header.Arch);
        Assert.Equal(Guid.Parse("4f307b4c-58a8-4753-9c0f-21dceefed4a6"), image.Header.Id);
        Assert.Equal([SifDataType.DefFile, SifDataType.GenericJson, SifDataType.GenericJson, SifDataType.Partition, SifDataType.Signature], image.Descriptors.Select(d => d.DataType));
        var partition = image.PrimaryPartition!;
        Assert.Equal((45056L, 745472L, SifPartitionTypes.Squashfs, "02"), (partition.Offset, partition.Size, partition.PartitionFsType, partition.PartitionArch));
        Assert.Equal("inspect-metadata.json", image.Descriptors[1].Name);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_such()
    {
        var bytes = File.ReadAllBytes(Path.Combine(GoldenDirectory, "one-group.sif"));
        using var truncated = new MemoryStream(bytes[..(bytes.Length - 100)]);

        var error = Assert.Throws<InvalidDataException>(() => SifReader.Read(truncated));

        Assert.Contains("lies outside the file", error.Message, StringComparison.Ordinal);
    }

    private static (SifWriterOptions, SifObject[]) Inputs(string name)
    {
        var deterministic = SifWriterOptions.Deterministic;
        var generic = SifObject.FromBytes(SifDataType.Generic, Face);
        var partition = SifObject.Partition(SifPartitionTypes.Squashfs, SifPartitionTypes.PrimarySystem, SifArchitecture.CodeOf("386"),
            (s, t) => s.WriteAsync(Feed, t).AsTask());
        return name switch
        {
            "Empty" => (deterministic, []),
            "EmptyLaunchScript" => (deterministic with { LaunchScript = "#!/usr/bin/env launch-script\n" }, []),
            "EmptyWithID" => (deterministic with { Id = Guid.Parse("de170c43-36ab-44a8-bca9-1ea1a070a274") }, []),
            "EmptyWithTime" => (deterministic with { Time = 946702800 }, []),
            "OneDescriptor" => (deterministic, [generic]),
            "TwoDescriptors" => (deterministic, [generic, partition]),
            "TwoDescriptorsNotAligned" => (deterministic, [generic with { Alignment = 0 }, partition with { Alignment = 0 }]),
            "TwoDescriptorsAligned" => (deterministic, [generic with { Alignment = 4 }, partition with { Alignment = 4 }]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
