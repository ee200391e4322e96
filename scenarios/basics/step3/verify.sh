#!/usr/bin/env bash
# Passes when demo/status.txt holds exactly "ready".
file="$KATARUN_WORKSPACE/demo/status.txt"
if [ ! -f "$file" ]; then
  echo "FAIL: there is no status.txt in the demo folder yet"
  echo "EXPECTED: ready"
  echo "ACTUAL: (no file)"
  exit 1
fi
content=$(cat "$file")
if [ "$content" != "ready" ]; then
  echo "FAIL: status.txt says '$content', not 'ready'"
  echo "EXPECTED: ready"
  echo "ACTUAL: $content"
  exit 1
fi
echo "done"
