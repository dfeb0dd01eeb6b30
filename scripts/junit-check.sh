#!/usr/bin/env bash
# Runs a command as a named check and records its outcome as a one-test JUnit file, so checks that are not
# test-runner suites (generated code is current, the compose file is valid, shellcheck) count in the test summary.
# Usage: scripts/junit-check.sh RESULTS_DIR NAME COMMAND...
set -uo pipefail
dir="$1"; name="$2"; shift 2
mkdir -p "$dir"
xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
output=$("$@" 2>&1); code=$?
testcase_name=$(printf '%s' "$name" | xml_escape)
file="$dir/check-$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '-').xml"
if [ $code -eq 0 ]; then
  printf '<testsuite name="checks"><testcase classname="checks" name="%s"/></testsuite>\n' "$testcase_name" > "$file"
  echo "check $name: ok"
else
  escaped=$(printf '%s' "$output" | tail -c 4000 | xml_escape)
  printf '<testsuite name="checks"><testcase classname="checks" name="%s"><failure message="failed">%s</failure></testcase></testsuite>\n' "$testcase_name" "$escaped" > "$file"
  echo "check $name: FAILED"; printf '%s\n' "$output" | tail -40
fi
exit $code
