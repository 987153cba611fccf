#!/usr/bin/env python3
"""Alternating process timings: spawntime.py N 'label=cmd args' ... -> medians (ms)."""
import os, sys, time, shlex, statistics
n = int(sys.argv[1])
cmds = []
for spec in sys.argv[2:]:
    label, cmd = spec.split('=', 1)
    cmds.append((label, shlex.split(cmd)))
devnull = os.open('/dev/null', os.O_RDWR)
times = {label: [] for label, _ in cmds}
def once(argv):
    t = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    os.waitpid(pid, 0)
    return (time.perf_counter() - t) * 1e3
for label, argv in cmds: once(argv)
for _ in range(n):
    for label, argv in cmds: times[label].append(once(argv))
for label, _ in cmds:
    v = sorted(times[label]); print(f"{label:20s} median {statistics.median(v):8.2f} ms  q1 {v[len(v)//4]:8.2f}  q3 {v[3*len(v)//4]:8.2f}")
