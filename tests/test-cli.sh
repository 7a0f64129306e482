#!/bin/bash
# test-cli.sh - placeholder
exit 77
