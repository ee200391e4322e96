#!/usr/bin/env bash
# Passes when the watch loop was stopped and stopped.txt was written in demo.
# KATARUN_LANG is the language of the copy on screen: the feedback speaks it too.
say() { if [[ "${KATARUN_LANG:-}" == ru* ]]; then echo "$2"; else echo "$1"; fi; }
if [ ! -s "$KATARUN_WORKSPACE/demo/stopped.txt" ]; then
  say "FAIL: demo/stopped.txt is missing — run action 2, which stops the loop first" \
      "FAIL: нет файла demo/stopped.txt — выполните действие 2, оно сначала останавливает цикл"
  exit 1
fi
