#!/usr/bin/env bash
# Runs a command as a named check and records its outcome as a one-test JUnit file, so checks that are not
# test-runner suites (generated code is current, the compose file is valid) count in the test summary.
# Usage: scripts/junit-check.sh RESULTS_DIR NAME COMMAND...
set -uo pipefail
dir="$1"; name="$2"; shift 2
mkdir -p "$dir"
output=$("$@" 2>&1); code=$?
escaped=$(printf '%s' "$output" | tail -c 4000 | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
if [ $code -eq 0 ]; then
  printf '<testsuite name="checks"><testcase classname="checks" name="%s"/></testsuite>\n' "$name" > "$dir/check-$name.xml"
  echo "check $name: ok"
else
  printf '<testsuite name="checks"><testcase classname="checks" name="%s"><failure message="failed">%s</failure></testcase></testsuite>\n' "$name" "$escaped" > "$dir/check-$name.xml"
  echo "check $name: FAILED"; printf '%s\n' "$output" | tail -40
fi
exit $code
