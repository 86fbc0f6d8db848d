#!/usr/bin/env bash
# Regenerates src/NasPlatform.Torch/BannedSymbols.TorchSharp.txt from the TorchSharp assembly NuGet restored:
# every member that creates a TorchSharp.Scalar behind the caller's back (see tools/TorchScalarBans).
# Run it after changing the TorchSharp version; a test (ScalarBanListTests) fails while the file is stale.
set -euo pipefail
nas_tool=torch-scalar-bans.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/dotnet-env.sh"
cd "$nas_repo_root"
nas_require_sdk
version=$(sed -n 's/.*PackageVersion Include="TorchSharp" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
dotnet restore src/NasPlatform.Torch/NasPlatform.Torch.csproj -nologo -v quiet
dll=$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/torchsharp/$version/lib" -name TorchSharp.dll -path '*net8.0*' | head -n 1)
[[ -n $dll ]] || nas_die "TorchSharp $version was not found in the NuGet cache after restore"
dotnet run --project tools/TorchScalarBans -v quiet -- "$dll" >src/NasPlatform.Torch/BannedSymbols.TorchSharp.txt
nas_say "wrote src/NasPlatform.Torch/BannedSymbols.TorchSharp.txt ($(grep -vc '^#' src/NasPlatform.Torch/BannedSymbols.TorchSharp.txt) members of TorchSharp $version)"
