#!/bin/sh
# Case k's baseline: pandas' C CSV reader. Installs pandas into .build-python (venv.sh) the first
# time, then prints the path of that environment's python. Never part of make test.
# Usage: Benchmarks/python/pandas.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
modules=pandas packages=pandas
. "$here/venv.sh"
echo "$venv/bin/python"
