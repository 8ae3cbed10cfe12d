#!/bin/sh
# A run that leaves processes behind (RunProcessesIT): a grandchild in the background, then either
# a child in the foreground or, given "exit", nothing: the script ends while its grandchild lives.
sleep 300 &
echo "grandchild $!"
if [ "${1:-}" = exit ]; then
    exit 0
fi
sleep 300
