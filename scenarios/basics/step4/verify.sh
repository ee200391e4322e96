#!/usr/bin/env bash
# Passes when the watch loop was stopped and stopped.txt was written in demo.
if [ ! -s "$KATARUN_WORKSPACE/demo/stopped.txt" ]; then
  echo "FAIL: demo/stopped.txt is missing — run action 2, which stops the loop first"
  exit 1
fi
