#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Issue 20, part B: printing and interruptions (lib/print/print.cpp,
lib/base/interrupt.cpp), as a CI job or a user at the terminal meets them.

- SIGTERM while `ctg render -f pdf` waits for chromium: ctg exits with 143,
  no chromium process is left running and the temporary folder is gone;
- SIGINT while `-o` writes its hidden temporary file (strace holds the
  fsync for a few seconds): exit 130, no temporary file, nothing written;
- a TMPDIR holding « ? » and « # »: the PDF is still the document's;
- printing sends nothing on the network: no DNS request nor connection to
  another machine (strace), and a PDF is produced in a network namespace
  with loopback only (unshare -n, when available).
Usage: interrupt_test.py CTG RACINE
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ctg, root = sys.argv[1], sys.argv[2]
example = os.path.join(root, "examples", "commune-seule", "ctg.yaml")
failures = []
tmp = tempfile.mkdtemp(prefix="ctg-interruption-")


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def processes():
    """pid → (ppid, pgrp, state, cmdline) of every process."""
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = open(f"/proc/{pid}/stat").read()
            cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(pid)] = (int(fields[1]), int(fields[2]), fields[0], cmd)
    return out


def wait_for(predicate, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def pdf_text(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout


have_chromium = shutil.which("chromium") is not None

# ---------------------------------------------------------------- SIGTERM during -f pdf
if have_chromium:
    tmpdir = os.path.join(tmp, "tmpdir-pdf")
    os.mkdir(tmpdir)
    out = os.path.join(tmp, "sigterm.pdf")
    env = dict(os.environ, TMPDIR=tmpdir)
    p = subprocess.Popen([ctg, "render", example, "-f", "pdf", "-o", out], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started = wait_for(lambda: any(v[0] == p.pid and "chromium" in v[3] for v in processes().values()), 120)
    children = [pid for pid, v in processes().items() if v[0] == p.pid]
    time.sleep(1)  # chromium has started its own processes
    if not started or p.poll() is not None:
        fail("chromium n'a pas démarré, ou ctg a fini avant le signal")
        p.kill()
    p.send_signal(signal.SIGTERM)
    try:
        err = p.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        p.kill()
        err = p.communicate()[1]
        fail("ctg ne s'arrête pas sur SIGTERM")
    time.sleep(0.5)
    left = [f"{pid} {v[3][:80]}" for pid, v in processes().items()
            if v[2] != "Z" and (tmpdir in v[3] or v[1] in children)]
    if p.returncode != 143:
        fail(f"SIGTERM pendant -f pdf : code {p.returncode}, attendu 143")
    if left:
        fail(f"SIGTERM pendant -f pdf : {len(left)} processus chromium encore là : {left[:3]}")
        for pid in [int(l.split()[0]) for l in left]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    if os.listdir(tmpdir):
        fail(f"SIGTERM pendant -f pdf : dossier temporaire laissé : {os.listdir(tmpdir)}")
    if os.path.exists(out):
        fail("SIGTERM pendant -f pdf : un PDF a été écrit")
    if p.returncode == 143 and not left and not os.listdir(tmpdir):
        if "interrompu" not in err:
            fail(f"SIGTERM : pas de message en français : {err!r}")
        else:
            print(f"ok SIGTERM pendant -f pdf : code 143, aucun chromium restant, aucun fichier temporaire ({err.strip()})")

# ---------------------------------------------------------------- SIGINT while -o writes
# LeakSanitizer cannot run under ptrace: under strace, the ASan build of .ci/run goes without it.
strace_env = dict(os.environ, ASAN_OPTIONS=(os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":"))
if shutil.which("strace"):
    outdir = os.path.join(tmp, "sortie")
    os.mkdir(outdir)
    out = os.path.join(outdir, "convention.md")
    # strace holds every fsync 4 s: the hidden temporary file is written, not yet renamed.
    p = subprocess.Popen(["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync",
                          "-e", "inject=fsync:delay_enter=4000000", ctg, "render", example, "-o", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=strace_env)
    if not wait_for(lambda: any(n.startswith(".convention.md.") for n in os.listdir(outdir)), 60):
        fail("le fichier temporaire de -o n'est jamais apparu")
    target = [pid for pid, v in processes().items() if v[0] == p.pid]
    for pid in target:
        os.kill(pid, signal.SIGINT)
    try:
        err = p.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        p.kill()
        err = p.communicate()[1]
    if p.returncode != 130:
        fail(f"SIGINT pendant -o : code {p.returncode}, attendu 130 ; {err[-300:]}")
    if os.listdir(outdir):
        fail(f"SIGINT pendant -o : fichier laissé : {os.listdir(outdir)}")
    elif p.returncode == 130:
        print("ok SIGINT pendant -o : code 130, aucun fichier temporaire caché, rien d'écrit")

# ---------------------------------------------------------------- TMPDIR with « ? » and « # »
if have_chromium:
    base = os.path.join(tmp, "tmp")
    os.makedirs(os.path.join(base, "a"))  # what « file://…/a?b#c/… » would show: a folder listing
    weird = os.path.join(base, "a?b#c%41")
    os.mkdir(weird)
    out = os.path.join(tmp, "bizarre.pdf")
    done = subprocess.run([ctg, "render", example, "-f", "pdf", "-o", out], env=dict(os.environ, TMPDIR=weird),
                          capture_output=True, text=True, timeout=600)
    text = pdf_text(out) if os.path.exists(out) else ""
    if done.returncode != 0 or "Valbelle-sur-Durance" not in text or "Index of" in text:
        fail(f"TMPDIR avec « ? » et « # » : code {done.returncode}, le PDF n'est pas la convention : {text[:120]!r}")
    else:
        print("ok TMPDIR avec « ? », « # » et « % » : le PDF est bien celui de la convention")

# ---------------------------------------------------------------- nothing on the network
if have_chromium and shutil.which("strace"):
    log = os.path.join(tmp, "reseau.log")
    out = os.path.join(tmp, "reseau.pdf")
    done = subprocess.run(["strace", "-f", "-qq", "-o", log, "-e", "trace=connect,sendto,sendmsg", ctg, "render",
                           example, "-f", "pdf", "-o", out], capture_output=True, text=True, timeout=600,
                          env=strace_env)
    outside = []
    for line in open(log, errors="replace"):
        m = re.search(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"', line)
        if not m:
            continue
        addr = m.group(1) or m.group(2)
        port = re.search(r"htons\((\d+)\)", line)
        port = port.group(1) if port else "?"
        loopback = addr.startswith("127.") or addr == "::1"
        # Chromium's IPv6 reachability check: a UDP socket connected to a
        # public address to learn the route; connect() sends no datagram.
        probe = addr == "2001:4860:4860::8888" and port == "443" and "connect(" in line
        if not loopback and not probe:
            outside.append(f"{addr}:{port}")
    if done.returncode != 0:
        fail(f"-f pdf sous strace : code {done.returncode} ; {done.stderr[-300:]}")
    elif outside:
        fail(f"-f pdf s'adresse au réseau : {sorted(set(outside))}")
    else:
        print("ok -f pdf : aucune requête DNS ni connexion hors de la machine (strace)")

if have_chromium and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
    out = os.path.join(tmp, "sans-reseau.pdf")
    done = subprocess.run(["unshare", "-n", ctg, "render", example, "-f", "pdf", "-o", out], capture_output=True,
                          text=True, timeout=600)
    if done.returncode != 0 or "Valbelle-sur-Durance" not in pdf_text(out):
        fail(f"-f pdf sans réseau (unshare -n) : code {done.returncode} ; {done.stderr[-300:]}")
    else:
        print("ok -f pdf sans réseau (unshare -n, boucle locale seule) : PDF produit")

shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failures else 0)
