using NasPlatform.Engine.Strategies;
using NasPlatform.Search.Torch;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The strategies every command offers: the search projects' own (NasPlatform.Search and the
/// TorchSharp predictor of NasPlatform.Search.Torch). The CLI is where the host is composed; the
/// engine only sees the catalog it is handed.
/// </summary>
internal static class HostStrategies
{
    public static StrategyCatalog Catalog { get; } = new(SearchComponents.Strategies);
}
