#!/usr/bin/env bash
# Runs `puo classify eval` and the scikit-learn reference on the same files, one after the other,
# and prints one JSON line per run (plus the machine and load). Usage, from the repository root:
#   benchmarks/reference/run_classification.sh [rounds] [more puo flags, e.g. --encoder minilm]
# Needs ../shared/data (CLINC150, Bitext) and Debian's python3-sklearn (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1}
shift || true
flags="$*"
data=../shared/data
echo "# $(nproc) cores: $(lscpu | sed -n 's/^Model name: *//p'); $(uptime | sed 's/.*load/load/')"
dotnet build -c Release src/PuoAiOps.Cli -v q -nologo >/dev/null
/usr/bin/python3 benchmarks/reference/prepare_bitext.py --out artifacts/bitext >/dev/null
puo="dotnet src/PuoAiOps.Cli/bin/Release/net10.0/puo.dll"
for round in $(seq 1 "$rounds"); do
  c="--train $data/clinc150/train.csv --val $data/clinc150/val.csv --test $data/clinc150/test.csv"
  b="--train artifacts/bitext/train.csv --test artifacts/bitext/test.csv"
  echo "{\"round\":$round,\"set\":\"clinc150\",\"system\":\"puo\",\"result\":$($puo classify eval $c --json $flags)}"
  echo "{\"round\":$round,\"set\":\"clinc150\",\"system\":\"sklearn\",\"result\":$(/usr/bin/python3 benchmarks/reference/sklearn_reference.py $c)}"
  echo "{\"round\":$round,\"set\":\"bitext\",\"system\":\"puo\",\"result\":$($puo classify eval $b --json $flags)}"
  echo "{\"round\":$round,\"set\":\"bitext\",\"system\":\"sklearn\",\"result\":$(/usr/bin/python3 benchmarks/reference/sklearn_reference.py $b)}"
  echo "# $(uptime | sed 's/.*load/load/')"
done
