#!/usr/bin/env bash
# What `swift test` cannot reach, checked the way a maintainer and an app developer meet it:
#
# 1. the regenerate-whereby-client command plugin, on a temporary copy of the package: a run with
#    nothing to do changes nothing, and a run after the document lost an operation rewrites
#    generated/ and names the operation in its summary;
# 2. the DocC catalog of WherebyAPI, built with warnings treated as errors;
# 3. every package under Examples/, built against this repository;
# 4. import hygiene: Tests/ImportHygiene, a package that imports WherebyAPI with Vapor and
#    Hummingbird and uses the names they share with the runtime unqualified, compiles.
#
# Usage: Tests/Packaging/check-packaging.sh [plugin] [docs] [examples] [hygiene]   (default: all four)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(plugin docs examples hygiene)

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

for name in "${steps[@]}"; do
    case "$name" in
        plugin) check_plugin ;;
        docs) check_docs ;;
        examples) check_examples ;;
        hygiene) check_hygiene ;;
        *) fail "unknown step '$name' (plugin, docs, examples, hygiene)" ;;
    esac
done
printf '\ncheck-packaging: %s passed\n' "${steps[*]}"
