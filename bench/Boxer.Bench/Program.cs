using Boxer.Bench;

// Usage: import [--size 1g] [--runs 3] [--managed] [--nice -20] | plan [--runs 5]   (and import-once FILE [--managed], the measured child)
var verb = args.FirstOrDefault();
var options = BenchOptions.Parse(args.Skip(1).ToArray(), defaultRuns: verb == "plan" ? 5 : 3);
switch (verb)
{
    case "import":
        return ImportBench.Run(options);
    case "plan":
        return PlanBench.Run(options);
    case "import-once":
        return await ImportOnce.RunAsync(options);
    default:
        Console.Error.WriteLine("usage: Boxer.Bench import [--size 1g] [--runs 3] [--managed] [--nice -20] | plan [--runs 5]");
        return 2;
}
