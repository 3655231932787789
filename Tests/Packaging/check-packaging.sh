#!/usr/bin/env bash
# What `swift test` cannot reach, checked the way a maintainer and an app developer meet it:
#
# 1. the regenerate-whereby-client command plugin, on a temporary copy of the package: a run with
#    nothing to do changes nothing, and a run after the document lost an operation rewrites
#    generated/ and names the operation in its summary;
# 2. the DocC catalog of WherebyAPI, built with warnings treated as errors;
# 3. every package under Examples/, built against this repository;
# 4. import hygiene: Tests/ImportHygiene, a package that imports WherebyAPI with Vapor and
#    Hummingbird and uses the names they share with the runtime unqualified, compiles;
# 5. libyaml: an app that imports WherebyAPI, built on a machine without libyaml's development
#    files (hidden in a mount namespace), fails with the message the README quotes, and the
#    README's Dockerfile line installs them.
#
# Usage: Tests/Packaging/check-packaging.sh [plugin] [docs] [examples] [hygiene] [libyaml]
#        (default: all five)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(plugin docs examples hygiene libyaml)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check-packaging: %s\n' "$*" >&2; exit 1; }

check_plugin() {
    step "regenerate-whereby-client on a temporary copy of the package"
    local copy="$work/whereby-swift"
    mkdir -p "$copy"
    # What git would commit: tracked and new files, not build folders; a file deleted in the work
    # tree is left out rather than failing the copy.
    (cd "$root" && git ls-files -z --cached --others --exclude-standard \
        | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$copy"

    local output="$work/plugin-unchanged.log"
    (cd "$copy" && swift package --allow-writing-to-package-directory regenerate-whereby-client) | tee "$output"
    grep -q "no operations or types changed" "$output" || fail "an unchanged document was summarized as a change"
    diff -r "$root/generated" "$copy/generated" >/dev/null || fail "an unchanged document rewrote generated/"

    # The vendor document loses an operation: the overlay of the copy removes one.
    cat >> "$copy/spec/whereby.overlay.yaml" <<'YAML'

  # Added by check-packaging.sh: the document no longer has DELETE /meetings/{meetingId}.
  - target: "$.paths['/meetings/{meetingId}'].delete"
    remove: true
YAML
    output="$work/plugin-removed.log"
    (cd "$copy" && swift package --allow-writing-to-package-directory regenerate-whereby-client) | tee "$output"
    grep -q "operations: 0 added, 1 removed (deleteMeeting), 0 changed" "$output" \
        || fail "the summary does not name the removed operation"
    cat "$copy"/generated/Operations*.swift | grep -q "func deleteMeeting" \
        && fail "generated/Operations*.swift still declare deleteMeeting"
    cat "$copy"/generated/Operations*.swift | grep -q "func getMeeting" \
        || fail "generated/Operations*.swift lost operations the document still has"
    echo "the command plugin regenerates generated/ and summarizes the change"
}

check_docs() {
    step "DocC catalog of WherebyAPI, warnings as errors"
    (cd "$root" && swift package generate-documentation --target WherebyAPI --warnings-as-errors)
}

check_examples() {
    step "examples"
    "$root/Examples/build-examples.sh"
}

check_hygiene() {
    step "import hygiene: WherebyAPI beside Vapor and Hummingbird"
    # Its own .build folder, like the examples; the first build takes several minutes.
    swift build --package-path "$root/Tests/ImportHygiene" \
        || fail "import WherebyAPI clashes with names of Vapor, Hummingbird or the app (Tests/ImportHygiene)"
}

check_libyaml() {
    step "an app built without libyaml says what to install"
    local app="$work/app-without-libyaml"
    mkdir -p "$app/Sources/App"
    cat > "$app/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "App",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "whereby-swift", path: "$root")],
    targets: [
        .executableTarget(name: "App", dependencies: [.product(name: "WherebyAPI", package: "whereby-swift")]),
    ]
)
SWIFT
    echo 'import WherebyAPI' > "$app/Sources/App/main.swift"
    # Resolve with libyaml present, so that only the build meets its absence.
    swift package --package-path "$app" resolve >/dev/null

    # libyaml-dev's files, hidden from one build by overlay mounts with whiteouts, in a mount
    # namespace of its own: the machine itself keeps them.
    cat > "$work/without-libyaml.sh" <<'SH'
#!/bin/sh
set -e
hide() { # hide DIRECTORY FILE...
    directory=$1; shift
    layer=$(mktemp -d)
    mkdir "$layer/upper" "$layer/work"
    for file in "$@"; do mknod "$layer/upper/$file" c 0 0; done
    mount -t overlay overlay -o "lowerdir=$directory,upperdir=$layer/upper,workdir=$layer/work" "$directory"
}
# Where they are, asked before any is hidden.
headers=$(pkg-config --variable=includedir yaml-0.1)
libraries=$(pkg-config --variable=libdir yaml-0.1)
descriptions=$(pkg-config --variable=pcfiledir yaml-0.1)
hide "$libraries" libyaml.so libyaml.a
hide "$descriptions" yaml-0.1.pc
hide "$headers" yaml.h
exec "$@"
SH
    chmod +x "$work/without-libyaml.sh"
    unshare --mount "$work/without-libyaml.sh" sh -c '! pkg-config --exists yaml-0.1' \
        || fail "cannot hide libyaml here (unshare --mount and overlay mounts need root)"

    local output="$work/without-libyaml.log"
    if unshare --mount "$work/without-libyaml.sh" swift build --package-path "$app" >"$output" 2>&1; then
        fail "an app built without libyaml"
    fi
    grep -m 3 -F "libyaml" "$output" || true
    grep -q "you may be able to install yaml-0.1 using your system-packager" "$output" \
        || fail "SwiftPM did not name the system package (see $output)"
    grep -q "error: \"libyaml is missing: install it with" "$output" \
        || { cat "$output"; fail "the build did not fail with CYAML's message"; }
    grep -qF "$(sed -n 's/^#error "\(.*\)"$/\1/p' "$root/Sources/CYAML/shim.h")" "$root/README.md" \
        || fail "the README does not quote CYAML's message as shim.h words it"

    # The README's Dockerfile line is the command that installs them.
    local install
    install=$(sed -n 's/^RUN \(apt-get update .*libyaml-dev.*\)$/\1/p' "$root/README.md" | head -1)
    [ -n "$install" ] || fail "the README has no Dockerfile line installing libyaml-dev"
    sh -c "$install" >/dev/null
    pkg-config --exists yaml-0.1 || fail "the README's Dockerfile line did not install libyaml"
    echo "without libyaml, the build names the package to install; the README's line installs it"
}

for name in "${steps[@]}"; do
    case "$name" in
        plugin) check_plugin ;;
        docs) check_docs ;;
        examples) check_examples ;;
        hygiene) check_hygiene ;;
        libyaml) check_libyaml ;;
        *) fail "unknown step '$name' (plugin, docs, examples, hygiene, libyaml)" ;;
    esac
done
printf '\ncheck-packaging: %s passed\n' "${steps[*]}"
