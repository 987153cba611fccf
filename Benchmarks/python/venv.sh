# Sourced by run.sh and pandas.sh after they set $here (their folder), $modules (what to import)
# and $packages (the pip packages that give it): sets $venv to the virtual environment beside
# the build folders (.build-python at the repository root, ignored by git, or $LRLAB_PYTHON_VENV)
# and, when `import $modules` fails there, creates it and installs $packages. Never part of make test.
venv="${LRLAB_PYTHON_VENV:-$here/../../.build-python}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import $modules" 2>/dev/null; then
    echo "installing $packages into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet $packages >&2
fi
