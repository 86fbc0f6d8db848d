using NasPlatform.Tools.TorchScalarBans;

// Usage: TorchScalarBans PATH/TO/TorchSharp.dll > BannedSymbols.TorchSharp.txt
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: TorchScalarBans PATH/TO/TorchSharp.dll (the file was not found)");
    return 2;
}

Console.Out.Write(ScalarBanScanner.BannedSymbolsFile(args[0]));
return 0;
