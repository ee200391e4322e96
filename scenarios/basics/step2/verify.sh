#!/usr/bin/env bash
# Passes when the learner's shell has KATARUN_GREETING=hello and sits in the demo folder.
# katarun runs it with a snapshot of the learner's environment and working directory.
if [ "${KATARUN_GREETING:-}" != "hello" ]; then
  echo "FAIL: KATARUN_GREETING is '${KATARUN_GREETING:-}' — run the export action (1)"
  exit 1
fi
if [ "$(basename "$PWD")" != "demo" ]; then
  echo "FAIL: the shell is in $(basename "$PWD"), not in demo — run the cd action (2)"
  exit 1
fi
echo "greeting and folder carried over"
