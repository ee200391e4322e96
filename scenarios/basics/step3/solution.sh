#!/usr/bin/env bash
# What step 3 asks.
mkdir -p "$KATARUN_WORKSPACE/demo"
echo ready > "$KATARUN_WORKSPACE/demo/status.txt"
