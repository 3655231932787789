#!/usr/bin/env bash
# Builds every example package under Examples/ (each folder with a Package.swift), so that a
# change to WherebyAPI that breaks an example fails here. Extra arguments go to each
# `swift build`, for example `-c release`.
#
# Each example depends on this repository by path and builds in its own .build folder; the
# first build of one that uses AsyncHTTPClient takes several minutes.
set -euo pipefail
cd "$(dirname "$0")"

built=0
for manifest in */Package.swift; do
    [ -e "$manifest" ] || continue
    example="${manifest%/Package.swift}"
    echo "== building Examples/$example"
    swift build --package-path "$example" "$@"
    built=$((built + 1))
done

if [ "$built" -eq 0 ]; then
    echo "no example packages found under Examples/" >&2
    exit 1
fi
echo "built $built example(s)"
