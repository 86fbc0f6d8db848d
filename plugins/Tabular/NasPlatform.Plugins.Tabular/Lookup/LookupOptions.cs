using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Tabular.Lookup;

/// <summary>Options of the "lookup" evaluator: the table and the name its accuracy is reported under.</summary>
[Description("Looks candidates up in a CSV table of precomputed results (header index,arch,test_accuracy), such as NAS-Bench-201 on CIFAR-10.")]
public sealed record LookupOptions
{
    /// <summary>Path of the CSV table, relative to the experiment file's directory.</summary>
    [Description("Path of the CSV table, relative to the experiment file's directory, e.g. ../../shared/data/nas-bench-201-cifar10.csv.")]
    [MinLength(1)]
    public required string Table { get; init; }

    /// <summary>Name under which the table's test_accuracy is reported.</summary>
    [Description("Name under which the table's test_accuracy is reported (objectives refer to it); any name but 'index', which carries the architecture index.")]
    [MinLength(1)]
    public string Metric { get; init; } = LookupEvaluator.DefaultMetric;
}
