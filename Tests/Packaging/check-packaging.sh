#!/usr/bin/env bash
# What `swift test` cannot reach, checked the way a maintainer and an app developer meet it:
#
# 1. the regenerate-whereby-client command plugin, on a temporary copy of the package: a run with
#    nothing to do changes nothing, and a run after the document lost an operation rewrites
#    generated/ and names the operation in its summary;
# 2. the DocC catalog of WherebyAPI, built with warnings treated as errors;
# 3. the examples: Examples/ is one package, built against this repository, whose two meeting
#    services (Hummingbird and Vapor) each run against whereby-mock (built from Tests/Integration)
#    as their READMEs show:
#    create a meeting, delete it, have a bad request refused before it reaches Whereby, and
#    answer 502 without printing the key when Whereby refuses it;
# 4. import hygiene: the ImportHygiene target of the same package, which imports WherebyAPI with
#    Vapor and Hummingbird and uses the names they share with the runtime unqualified, compiles;
#    it lives beside the examples so that Vapor, Hummingbird, SwiftNIO and BoringSSL build once;
# 5. libyaml: an app that imports WherebyAPI, built on a machine without libyaml's development
#    files (hidden in a mount namespace), fails with the message the README quotes, and the
#    README's Dockerfile line installs them;
# 6. bundle: `whereby-codegen bundle` of spec/whereby.json, as JSON and as YAML, is a valid OpenAPI
#    document for openapi-spec-validator (from PyPI, installed into a venv in the temporary folder),
#    a validator no one here wrote;
# 7. resolve: an app that imports WherebyAPI and depends on this repository checks out only the
#    packages it builds (SwiftPM checks out what every product of a dependency needs, used or not,
#    which is why the stand-in and the transport tests are a package of their own). Resolves only.
#
# Usage: Tests/Packaging/check-packaging.sh [plugin] [docs] [examples] [hygiene] [libyaml] [bundle] [resolve]
#        (default: all seven)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(plugin docs examples hygiene libyaml bundle resolve)

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
    # grep reads the files itself: `cat … | grep -q` under pipefail fails now and then, when grep
    # exits at its first match and cat, still writing, dies of SIGPIPE.
    grep -q "func deleteMeeting" "$copy"/generated/Operations*.swift \
        && fail "generated/Operations*.swift still declare deleteMeeting"
    grep -q "func getMeeting" "$copy"/generated/Operations*.swift \
        || fail "generated/Operations*.swift lost operations the document still has"
    echo "the command plugin regenerates generated/ and summarizes the change"
}

check_docs() {
    step "DocC catalog of WherebyAPI, warnings as errors"
    (cd "$root" && swift package generate-documentation --target WherebyAPI --warnings-as-errors)
}

check_examples() {
    step "examples: both meeting services, each run against whereby-mock"
    # One package, one .build folder for both; its first build takes several minutes.
    # Everything in the package, import-hygiene included, in one build: a build per product would
    # relink the client's generator and rerun it each time.
    swift build --package-path "$root/Examples"
    # The stand-in is in the integration package, beside the tests that use it.
    swift build --package-path "$root/Tests/Integration" --product whereby-mock
    local examples_bin mock_bin
    examples_bin=$(swift build --package-path "$root/Examples" --show-bin-path)
    mock_bin=$(swift build --package-path "$root/Tests/Integration" --show-bin-path)
    local product
    for product in hummingbird-meetings vapor-meetings; do
        run_example "$mock_bin/whereby-mock" "$examples_bin/$product"
    done
}

# Prints the first http://host:port (and path) that the log file $1 shows after the text $2,
# waiting up to a minute for it while the process $3 runs.
wait_for_url() {
    local log=$1 after=$2 pid=$3 url
    for _ in $(seq 600); do
        url=$(grep -o -m 1 "$after http://[0-9.]*:[0-9]*[/a-z0-9]*" "$log" | grep -o "http://.*") || true
        if [ -n "$url" ]; then echo "$url"; return; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$log" >&2
    return 1
}

# The commands of the example's README, on free ports: whereby-mock, the service pointed at it,
# then the README's curl commands. A subshell, so that its trap stops both servers however it ends.
run_example() (
    local mock=$1 service=$2 name
    name=$(basename "$service")
    local servers=()
    trap 'kill "${servers[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
    echo "-- $name against whereby-mock"

    "$mock" --port 0 >"$work/$name-mock.log" 2>&1 &
    servers+=($!)
    local wherebyURL
    wherebyURL=$(wait_for_url "$work/$name-mock.log" "listening on" $!) || fail "whereby-mock did not start"

    WHEREBY_API_KEY=whereby-mock-dev-key WHEREBY_BASE_URL="$wherebyURL" PORT=0 "$service" >"$work/$name.log" 2>&1 &
    servers+=($!)
    local url
    # Hummingbird's service says where it listens; Vapor says "Server started on".
    url=$(wait_for_url "$work/$name.log" "\(listening on\|Server started on\)" $!) \
        || fail "$name did not start (its output is above)"

    local answer status meetingId
    answer=$(curl -sS -w '\n%{http_code}' -X POST "$url/meetings" -H "Content-Type: application/json" \
        -d '{"userId": "ada", "durationMinutes": 30}') || true
    status=${answer##*$'\n'}
    answer=${answer%$'\n'*}
    echo "POST /meetings: $status $answer"
    [ "$status" = 201 ] || fail "$name: POST /meetings answered $status, not 201"
    meetingId=$(printf '%s' "$answer" | grep -o '"meetingId":"[^"]*"' | cut -d '"' -f 4)
    [ -n "$meetingId" ] || fail "$name: POST /meetings answered no meetingId"
    grep -q '"roomUrl":"https://example.whereby.com/' <<<"$answer" \
        || fail "$name: POST /meetings answered no roomUrl"
    grep -q '"hostRoomUrl":"https://example.whereby.com/[^"]*roomKey=' <<<"$answer" \
        || fail "$name: POST /meetings answered no hostRoomUrl"

    status=$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE "$url/meetings/$meetingId") || true
    echo "DELETE /meetings/$meetingId: $status"
    [ "$status" = 204 ] || fail "$name: DELETE answered $status, not 204"

    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$url/meetings" -H "Content-Type: application/json" \
        -d '{"userId": "ada", "durationMinutes": 0}') || true
    echo "POST /meetings for 0 minutes: $status"
    [ "$status" = 400 ] || fail "$name: a meeting of 0 minutes answered $status, not 400"

    grep -q "created meeting" "$work/$name.log" || fail "$name logged no \"created meeting\" line"

    # A key Whereby refuses: the caller gets 502, the log says why and never shows the key.
    WHEREBY_API_KEY=refused-key-1234 WHEREBY_BASE_URL="$wherebyURL" PORT=0 "$service" >"$work/$name-refused.log" 2>&1 &
    servers+=($!)
    url=$(wait_for_url "$work/$name-refused.log" "\(listening on\|Server started on\)" $!) \
        || fail "$name did not start with another key (its output is above)"
    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$url/meetings" -H "Content-Type: application/json" \
        -d '{"userId": "ada"}') || true
    echo "POST /meetings with a refused key: $status"
    [ "$status" = 502 ] || fail "$name: a refused key answered $status, not 502"
    grep -q "Whereby call failed" "$work/$name-refused.log" || fail "$name logged no error for a refused key"
    grep -q "refused-key-1234" "$work/$name-refused.log" && fail "$name printed the API key"
    echo "$name creates and deletes meetings through whereby-mock"
)

check_hygiene() {
    step "import hygiene: WherebyAPI beside Vapor and Hummingbird"
    # A target of the examples package, sharing its .build folder: Vapor and Hummingbird build once.
    swift build --package-path "$root/Examples" --product import-hygiene \
        || fail "import WherebyAPI clashes with names of Vapor, Hummingbird or the app (Examples/Sources/ImportHygiene)"
}

make_app() { # make_app FOLDER: an app package whose one target imports WherebyAPI from this repository
    mkdir -p "$1/Sources/App"
    cat > "$1/Package.swift" <<SWIFT
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
    echo 'import WherebyAPI' > "$1/Sources/App/main.swift"
}

check_libyaml() {
    step "an app built without libyaml says what to install"
    local app="$work/app-without-libyaml"
    make_app "$app"
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

check_bundle() {
    step "bundle: the repaired document, validated by openapi-spec-validator"
    python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q openapi-spec-validator
    (cd "$root" && swift build --product whereby-codegen)
    local codegen
    codegen="$(cd "$root" && swift build --show-bin-path)/whereby-codegen"
    local format
    for format in json yaml; do
        (cd "$root" && "$codegen" bundle --output "$work/whereby.bundle.$format")
        "$work/venv/bin/openapi-spec-validator" "$work/whereby.bundle.$format" \
            || fail "the $format bundle of spec/whereby.json is not a valid OpenAPI document"
    done
    echo "the bundle of spec/whereby.json is valid OpenAPI, as JSON and as YAML"
}

check_resolve() {
    step "resolve: an app importing WherebyAPI checks out only what it builds"
    # WherebyAPI's dependencies (none of which depends on another package), and
    # swift-argument-parser, which whereby-codegen, run by WherebyAPI's build plugin, needs.
    local expected=(swift-argument-parser swift-distributed-tracing swift-http-types swift-log
        swift-metrics swift-openapi-runtime)
    local app="$work/app-resolve"
    make_app "$app"
    swift package --package-path "$app" resolve >/dev/null 2>&1 \
        || { swift package --package-path "$app" resolve; fail "the app does not resolve"; }
    local checked_out extra missing
    checked_out=$(ls "$app/.build/checkouts" | sort)
    extra=$(comm -23 <(echo "$checked_out") <(printf '%s\n' "${expected[@]}" | sort) | tr '\n' ' ')
    missing=$(comm -13 <(echo "$checked_out") <(printf '%s\n' "${expected[@]}" | sort) | tr '\n' ' ')
    [ -z "$extra" ] || fail "an app importing WherebyAPI checks out packages it never builds: $extra"
    [ -z "$missing" ] || fail "an app importing WherebyAPI did not check out $missing(update the expected list)"
    echo "an app importing WherebyAPI checks out $(echo "$checked_out" | wc -l) packages: $(echo $checked_out)"
}

for name in "${steps[@]}"; do
    case "$name" in
        plugin) check_plugin ;;
        docs) check_docs ;;
        examples) check_examples ;;
        hygiene) check_hygiene ;;
        libyaml) check_libyaml ;;
        bundle) check_bundle ;;
        resolve) check_resolve ;;
        *) fail "unknown step '$name' (plugin, docs, examples, hygiene, libyaml, bundle, resolve)" ;;
    esac
done
printf '\ncheck-packaging: %s passed\n' "${steps[*]}"
