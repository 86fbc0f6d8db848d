namespace NasPlatform.Reporting.Charts;

/// <summary>A rendered chart.</summary>
/// <param name="Id">File-name-safe id, e.g. "best-vs-trials"; the PNG is written as &lt;Id&gt;.png.</param>
/// <param name="Title">What it shows.</param>
/// <param name="Caption">One or two sentences on how to read it.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ChartImage(string Id, string Title, string Caption, byte[] Png);
