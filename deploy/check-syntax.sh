#!/usr/bin/env bash
# deploy/check-syntax.sh: static checks of the deployment files, which cannot be run without cloud
# accounts: `bash -n` and the executable bit for every deploy/**/*.sh, `python3 -m json.tool` for every
# deploy/**/*.json, and shellcheck (warnings and errors) when it is installed. Exits 1 on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

failures=0
fail() {
  printf 'FAIL %s\n' "$*"
  failures=$((failures + 1))
}

scripts=()
while IFS= read -r -d '' f; do
  scripts+=("$f")
done < <(find . -type f -name '*.sh' -print0 | sort -z)

jsons=()
while IFS= read -r -d '' f; do
  jsons+=("$f")
done < <(find . -type f -name '*.json' -print0 | sort -z)

for s in ${scripts[@]+"${scripts[@]}"}; do
  if ! bash -n "$s"; then
    fail "bash -n deploy/${s#./}"
  fi
  if [[ ! -x "$s" ]]; then
    fail "deploy/${s#./} is not executable (chmod +x)"
  fi
done

if ! command -v python3 >/dev/null 2>&1; then
  fail "python3 is needed to check the JSON files"
else
  for j in ${jsons[@]+"${jsons[@]}"}; do
    if ! python3 -m json.tool "$j" >/dev/null; then
      fail "python3 -m json.tool deploy/${j#./}"
    fi
  done
fi

if command -v shellcheck >/dev/null 2>&1; then
  if [[ ${#scripts[@]} -gt 0 ]] && ! shellcheck --severity=warning --external-sources "${scripts[@]}"; then
    fail "shellcheck"
  fi
  shellcheck_note="shellcheck passed"
else
  shellcheck_note="shellcheck not installed: skipped"
fi

echo "checked ${#scripts[@]} shell scripts and ${#jsons[@]} JSON files; ${shellcheck_note}"
if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all deploy checks passed"
