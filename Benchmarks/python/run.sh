#!/bin/sh
# Runs the Python baselines of the digits MLP case (numpy loop, scikit-learn MLPClassifier).
# Installs numpy and scikit-learn into a virtual environment beside the build folders
# (.build-python at the repository root, ignored by git) the first time; never part of make test.
# Usage: Benchmarks/python/run.sh [epochs=20] [seed=0]
# BLAS runs on one thread (as the Swift loop does), so the times compare one core with one core.
set -e
here=$(cd "$(dirname "$0")" && pwd)
modules="numpy, sklearn" packages="numpy scikit-learn"
. "$here/venv.sh"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
"$venv/bin/python" "$here/mlp_numpy.py" "$@"
"$venv/bin/python" "$here/mlp_sklearn.py" "$@"
