#!/usr/bin/env bash
# What step 4 asks.
mkdir -p "$KATARUN_WORKSPACE/demo"
echo "stopped at $(date +%T)" > "$KATARUN_WORKSPACE/demo/stopped.txt"
