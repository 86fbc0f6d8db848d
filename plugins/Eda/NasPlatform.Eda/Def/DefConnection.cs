namespace NasPlatform.Eda.Def;

/// <summary>A net terminal: a component's pin, or an I/O pin when <see cref="Component"/> is "PIN".</summary>
public sealed record DefConnection(string Component, string Pin)
{
    public bool IsIoPin => Component == "PIN";
}
