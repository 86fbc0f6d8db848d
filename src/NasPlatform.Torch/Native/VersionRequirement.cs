namespace NasPlatform.Torch.Native;

/// <summary>Symbol versions an ELF library needs from one other library (named by its soname, e.g. libstdc++.so.6).</summary>
internal sealed record VersionRequirement(string File, IReadOnlyList<RequiredVersion> Versions);

/// <summary>One needed version (e.g. GLIBCXX_3.4.32) and the mangled names of the undefined symbols bound to it.</summary>
internal sealed record RequiredVersion(string Name, IReadOnlyList<string> Symbols);
