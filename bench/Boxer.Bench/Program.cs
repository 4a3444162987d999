using Boxer.Bench;

// Usage: import [--size 1g] [--runs 3] [--managed] [--nice -20]   (and import-once FILE [--managed], the measured child)
var verb = args.FirstOrDefault();
var options = BenchOptions.Parse(args.Skip(1).ToArray());
switch (verb)
{
    case "import":
        return ImportBench.Run(options);
    case "import-once":
        return await ImportOnce.RunAsync(options);
    default:
        Console.Error.WriteLine("usage: Boxer.Bench import [--size 1g] [--runs 3] [--managed] [--nice -20]");
        return 2;
}
