#!/usr/bin/env bash
# Passes when the learner's shell has KATARUN_GREETING=hello and sits in the demo folder.
# katarun runs it with a snapshot of the learner's environment and working directory.
# KATARUN_LANG is the language of the copy on screen: the feedback speaks it too (the
# FAIL: prefix is katarun's keyword and stays as it is).
say() { if [[ "${KATARUN_LANG:-}" == ru* ]]; then echo "$2"; else echo "$1"; fi; }
if [ "${KATARUN_GREETING:-}" != "hello" ]; then
  say "FAIL: KATARUN_GREETING is '${KATARUN_GREETING:-}' — run the export action (1)" \
      "FAIL: KATARUN_GREETING равна '${KATARUN_GREETING:-}' — выполните действие export (1)"
  exit 1
fi
if [ "$(basename "$PWD")" != "demo" ]; then
  say "FAIL: the shell is in $(basename "$PWD"), not in demo — run the cd action (2)" \
      "FAIL: оболочка в папке $(basename "$PWD"), а не в demo — выполните действие cd (2)"
  exit 1
fi
say "greeting and folder carried over" "приветствие и папка сохранились"
