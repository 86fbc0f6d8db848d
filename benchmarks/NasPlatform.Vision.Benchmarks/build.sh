# Sourced by the benchmark scripts beside it: sets root (the repository) and dll (the Release benchmark
# program, built here), with the TorchSharp compatibility layer where the distribution needs it.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
eval "$("$root/scripts/torch-compat.sh" --env)"
dotnet build -c Release -v q -nologo "$root/benchmarks/NasPlatform.Vision.Benchmarks" >&2
dll="$root/benchmarks/NasPlatform.Vision.Benchmarks/bin/Release/net10.0/linux-x64/NasPlatform.Vision.Benchmarks.dll"
