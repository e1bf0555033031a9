# SPDX-License-Identifier: EUPL-1.2
"""The preamble shared by the Python tests of tests/cli, run as
« NAME_test.py CTG ROOT » (CTG the ctg binary, ROOT the source tree):

    sys.path.insert(0, os.path.dirname(__file__))
    from common import ctg, root, paa, tmp, fail, run, finish

- ctg, root: the command line's arguments; paa: the real example's folder;
- tmp: a temporary folder, removed when the test exits;
- fail(msg): records a failure and prints it (« ÉCHEC msg »);
- run(*args): runs ctg, a failure unless it exits with the expected code;
- finish(): prints the number of failures and exits, 1 if there was any.
"""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

ctg, root = sys.argv[1], sys.argv[2]
paa = os.path.join(root, "examples", "provence-alpes-agglomeration")
failures = []
tmp = tempfile.mkdtemp()
atexit.register(shutil.rmtree, tmp, ignore_errors=True)


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(*args, code=0, env=None, output="process"):
    """Runs ctg ARGS from ROOT (with ENV if given, else this environment):
    a failure unless it exits with CODE. Returns, by OUTPUT, the
    CompletedProcess ("process"), its standard output ("stdout"), or its
    standard output followed by its error output ("stdout+stderr")."""
    assert output in ("process", "stdout", "stdout+stderr"), output
    done = subprocess.run([ctg, *args], cwd=root, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]}")
    if output == "stdout":
        return done.stdout
    if output == "stdout+stderr":
        return done.stdout + done.stderr
    return done


def finish():
    print(f"{len(failures)} échec(s)")
    sys.exit(1 if failures else 0)
