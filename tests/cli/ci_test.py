# SPDX-License-Identifier: EUPL-1.2
"""examples/ci/ as a team would use it, on the real example:

- the GitLab CI job and the GitHub Actions workflow parse as YAML, have the
  expected shape, and their ctg commands, run here with the example as the
  CTG folder, produce a SARIF report (with results on the YAML's lines), the
  GitLab Code Quality report and the HTML convention;
- the pre-commit hook, installed in a temporary git repository, lets a valid
  CTG be committed, refuses a staged CTG with a finding (--strict), checks the
  index rather than the working tree, and ignores files outside CTGs.

Usage: ci_test.py CTG ROOT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ctg = Path(sys.argv[1]).resolve()
root = Path(sys.argv[2]).resolve()
ci = root / "examples" / "ci"
failures = 0


def fail(message):
    global failures
    failures += 1
    print(f"ÉCHEC {message}")


def ok(message):
    print(f"ok {message}")


work = Path(tempfile.mkdtemp())
bindir = work / "bin"
bindir.mkdir()
(bindir / "ctg").symlink_to(ctg)
env = dict(os.environ, PATH=f"{bindir}:{os.environ['PATH']}", NO_COLOR="1", LC_ALL="C.UTF-8")


def run_commands(name, commands, variables):
    """Runs a CI job's ctg commands in a copy of a team's repository."""
    repo = work / name
    shutil.copytree(root / "examples" / "provence-alpes-agglomeration", repo / variables["CTG_DOSSIER"])
    shutil.copy(root / "examples" / "ctg.schema.json", repo / "ctg.schema.json")
    (repo / "outils").mkdir()
    shutil.copy(ci / "sarif-vers-codequality.py", repo / "outils")
    script = "\n".join(["set -e"] + [c for c in commands if "apt-get" not in c])
    r = subprocess.run(["bash", "-c", script], cwd=repo, env=dict(env, **variables), capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{name} : code {r.returncode}\n{r.stdout}{r.stderr}")
    return repo


def check_sarif(name, repo):
    sarif = json.loads((repo / "ctg.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    lines = [loc["physicalLocation"]["region"]["startLine"] for r in results for loc in r["locations"]]
    if sarif.get("version") != "2.1.0" or not results:
        fail(f"{name} : SARIF sans résultat")
    elif not all(u.startswith("ctg/") and (repo / u).is_file() for u in uris) or min(lines) < 1:
        fail(f"{name} : emplacements SARIF hors des fichiers du dépôt : {sorted(uris)}")
    else:
        ok(f"{name} : SARIF, {len(results)} constats sur {len(uris)} fichiers du dépôt")
    html = (repo / "convention.html").read_text(encoding="utf-8")
    if "<html" in html and "Provence Alpes Agglomération" in html:
        ok(f"{name} : convention.html ({len(html)} caractères)")
    else:
        fail(f"{name} : convention.html incomplet")
    return results


# GitLab CI.
gitlab = yaml.safe_load((ci / "gitlab-ci.yml").read_text(encoding="utf-8"))
job = gitlab["ctg"]
artifacts = job["artifacts"]
if "convention.html" in artifacts["paths"] and artifacts["reports"]["codequality"] and artifacts["when"] == "always":
    ok("gitlab-ci.yml : YAML, artefacts et rapport codequality")
else:
    fail(f"gitlab-ci.yml : artefacts {artifacts}")
repo = run_commands("gitlab", job["script"], job["variables"])
results = check_sarif("gitlab", repo)
quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
if len(quality) == len(results) and all(
        q["location"]["path"].startswith("ctg/") and q["location"]["lines"]["begin"] >= 1 and q["fingerprint"]
        and q["severity"] in {"info", "minor", "major", "critical", "blocker"} for q in quality) and \
        len({q["fingerprint"] for q in quality}) == len(quality):
    ok(f"gitlab : rapport Code Quality, {len(quality)} annotations")
else:
    fail("gitlab : rapport Code Quality invalide")

# GitHub Actions.
github = yaml.safe_load((ci / "github-workflow.yml").read_text(encoding="utf-8"))
gjob = github["jobs"]["ctg"]
steps = gjob["steps"]
uses = [s.get("uses", "") for s in steps]
if any(u.startswith("github/codeql-action/upload-sarif") for u in uses) and \
        any(u.startswith("actions/upload-artifact") for u in uses) and \
        gjob["permissions"]["security-events"] == "write" and True in github:  # `on:` is YAML 1.1's true
    ok("github-workflow.yml : YAML, envoi SARIF, artefact, permissions")
else:
    fail("github-workflow.yml : étapes attendues absentes")
repo = run_commands("github", [s["run"] for s in steps if "run" in s], gjob["env"])
check_sarif("github", repo)

# The pre-commit hook in a temporary git repository.
repo = work / "hook"
repo.mkdir()
git_env = dict(env, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="T",
               GIT_COMMITTER_EMAIL="t@example.org")


def git(*args, check=True):
    return subprocess.run(["git", *args], cwd=repo, env=git_env, capture_output=True, text=True, check=check)


git("init", "-q")
shutil.copy(ci / "pre-commit", repo / ".git" / "hooks" / "pre-commit")
shutil.copytree(root / "examples" / "commune-seule", repo / "commune")
# The example's only warning (DIAG-6, a stated rate that is not the computed one), corrected.
commune = repo / "commune" / "ctg.yaml"
commune.write_text(commune.read_text(encoding="utf-8").replace("valeur: 62.2,", "valeur: 64.3,"), encoding="utf-8")
shutil.copytree(root / "examples" / "provence-alpes-agglomeration", repo / "paa")
(repo / "notes.yaml").write_text("hors: ctg\n", encoding="utf-8")

git("add", "commune", "notes.yaml")
r = git("commit", "-qm", "commune", check=False)
ok("hook : CTG valide et fichier hors CTG acceptés") if r.returncode == 0 else fail(f"hook refuse une CTG valide : {r.stderr}")

git("add", "paa")
r = git("commit", "-qm", "paa", check=False)
if r.returncode != 0 and "avertissement" in r.stdout + r.stderr and "commit refusé" in r.stdout + r.stderr:
    ok("hook : CTG avec avertissements refusée (--strict)")
else:
    fail(f"hook : CTG avec avertissements acceptée (code {r.returncode})\n{r.stdout}{r.stderr}")
git("reset", "-q", "paa")

# Staged: a broken file; working tree: repaired. The index is what counts.
ctg_file = repo / "commune" / "ctg.yaml"
good = ctg_file.read_text(encoding="utf-8")
ctg_file.write_text(good.replace("format: ctg/1", "format: ctg/1\ncle_inconnue: 1", 1), encoding="utf-8")
git("add", "commune/ctg.yaml")
ctg_file.write_text(good, encoding="utf-8")
r = git("commit", "-qm", "cassé", check=False)
if r.returncode != 0 and "CLE-INCONNUE" in r.stdout + r.stderr:
    ok("hook : fichier indexé invalide refusé, même réparé dans l'arbre de travail")
else:
    fail(f"hook : index invalide accepté (code {r.returncode})\n{r.stdout}{r.stderr}")

shutil.rmtree(work)
sys.exit(1 if failures else 0)
