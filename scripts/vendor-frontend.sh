#!/bin/sh
# Copies the unmodified dist files the console needs from node_modules into
# src/PuoAiOps.Web/wwwroot/lib/<package>/. Versions are pinned in package.json.
# Usage (from the repository root): npm ci --ignore-scripts && sh scripts/vendor-frontend.sh
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/node_modules"
dest="$root/src/PuoAiOps.Web/wwwroot/lib"

if [ ! -d "$src" ]; then
  echo "node_modules not found: run 'npm ci --ignore-scripts' in $root first" >&2
  exit 1
fi

# copy <package> <file relative to the package> [<target relative to lib/<package>>]
copy() {
  target="$dest/$1/${3:-$(basename "$2")}"
  mkdir -p "$(dirname "$target")"
  cp "$src/$1/$2" "$target"
}

rm -rf "$dest"

# bootstrap-icons.min.css refers to ./fonts/*, so keep that layout.
copy bootstrap-icons font/bootstrap-icons.min.css font/bootstrap-icons.min.css
copy bootstrap-icons font/fonts/bootstrap-icons.woff2 font/fonts/bootstrap-icons.woff2
copy bootstrap-icons font/fonts/bootstrap-icons.woff font/fonts/bootstrap-icons.woff
copy bootstrap-icons LICENSE

copy echarts dist/echarts.min.js
copy echarts LICENSE

# Record what was vendored, so a reviewer can compare with package.json.
for p in bootstrap-icons echarts; do
  v=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$src/$p/package.json")
  echo "$p $v"
done > "$dest/VERSIONS.txt"

echo "vendored into $dest:"
cat "$dest/VERSIONS.txt"
