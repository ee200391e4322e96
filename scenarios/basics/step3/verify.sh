#!/usr/bin/env bash
# Passes when demo/status.txt holds exactly "ready".
# KATARUN_LANG is the language of the copy on screen: the feedback speaks it too (the
# FAIL:/EXPECTED:/ACTUAL: prefixes are katarun's keywords and stay as they are).
say() { if [[ "${KATARUN_LANG:-}" == ru* ]]; then echo "$2"; else echo "$1"; fi; }
file="$KATARUN_WORKSPACE/demo/status.txt"
if [ ! -f "$file" ]; then
  say "FAIL: there is no status.txt in the demo folder yet" "FAIL: в папке demo ещё нет status.txt"
  echo "EXPECTED: ready"
  say "ACTUAL: (no file)" "ACTUAL: (файла нет)"
  exit 1
fi
content=$(cat "$file")
if [ "$content" != "ready" ]; then
  say "FAIL: status.txt says '$content', not 'ready'" "FAIL: в status.txt написано '$content', а не 'ready'"
  echo "EXPECTED: ready"
  echo "ACTUAL: $content"
  exit 1
fi
echo "done"
