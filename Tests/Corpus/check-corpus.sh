#!/usr/bin/env bash
# Generates Swift from every document of a corpus and type-checks it against OpenAPIClientSupport,
# the runtime any generated client compiles against. Prints one line per document and the pass rate.
#
#   Tests/Corpus/check-corpus.sh            # the fixtures in Tests/Corpus/documents, plus the real
#                                           # documents of swift-openapi-generator 1.14.3 when this
#                                           # machine has its offline copy (read in place, never copied)
#   Tests/Corpus/check-corpus.sh FILE...    # just these documents
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

swift build --product whereby-codegen >/dev/null && swift build --target OpenAPIClientSupport >/dev/null || exit 1
bin=$(swift build --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

documents=("$@")
if [ ${#documents[@]} -eq 0 ]; then
    documents=(Tests/Corpus/documents/*.yaml Tests/Corpus/documents/*/api.yaml)
    upstream=/opt/swift-packages/apple/swift-openapi-generator.git
    if [ -d "$upstream" ]; then
        mkdir -p "$work/upstream"
        # Regular files only: the examples' symlinks point at documents listed anyway.
        while read -r mode _ _ path; do
            [ "$mode" = 100644 ] || continue
            name=$(echo "$path" | tr '/ ' '__')
            git -C "$upstream" show "1.14.3:$path" > "$work/upstream/$name"
            documents+=("$work/upstream/$name")
        done < <(git -C "$upstream" ls-tree -r 1.14.3 -- Examples IntegrationTest | grep -E '/openapi\.(yaml|yml|json)$' | tr '\t' ' ')
    fi
fi

passed=0
failed=0
for document in "${documents[@]}"; do
    name=$(basename "$(dirname "$document")")_$(basename "$document")
    out="$work/out/$name"
    mkdir -p "$out"
    if ! "$bin/whereby-codegen" generate --spec "$document" --output "$out" --no-overlay --quiet 2> "$out.generate.log"; then
        echo "FAIL generate  $document"; sed 's/^/    /' "$out.generate.log" | head -5
        failed=$((failed + 1)); continue
    fi
    warnings=$(grep -c ': warning: ' "$out.generate.log")
    if swiftc -typecheck -swift-version 6 -I "$bin/Modules" -module-name Generated "$out"/*.swift > "$out.compile.log" 2>&1; then
        compiler_warnings=$(grep -c ': warning: ' "$out.compile.log")
        echo "ok   $document ($warnings generator warnings, $compiler_warnings compiler warnings)"
        passed=$((passed + 1))
    else
        echo "FAIL compile   $document"; grep ': error: ' "$out.compile.log" | head -5 | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
