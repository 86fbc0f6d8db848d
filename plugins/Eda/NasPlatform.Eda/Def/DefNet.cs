namespace NasPlatform.Eda.Def;

/// <summary>A net: its terminals and, for a routed DEF, its wiring.</summary>
public sealed record DefNet(string Name, IReadOnlyList<DefConnection> Connections, IReadOnlyList<DefWire> Wiring, int Line)
{
    public bool IsRouted => Wiring.Count > 0;
}
