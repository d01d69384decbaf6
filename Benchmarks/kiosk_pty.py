#!/usr/bin/env python3
"""Kiosk terminal benchmark, side by side with Debian's `dialog --form` (10 fields).

Each program runs in a pseudo-terminal of 80x24 (TERM=xterm-256color, LANG=C.UTF-8):
  first screen  time from fork to the moment the ready marker (text drawn last in the
                first frame, e.g. the footer) has been written to the terminal;
  echo          time from writing one key to the pty until its echo comes back
                ('k', then Backspace: time until the next output), many times;
  peak RSS      VmHWM of the process from /proc, read after the echo run;
  CPU           user + system time the process used from fork to being stopped right after
                its first screen (runs without the echo run): on a shared machine wall time
                counts other programs' turns too, CPU time does not.

Usage:
  kiosk_pty.py [--runs N] [--keys N] [--ready TEXT] [--setup KEYS [--setup-ready TEXT]] [--label NAME] -- COMMAND [ARG...]
The kiosk command is given after `--` (e.g. `.build/release/motcua`); --setup holds keys
(Python escapes allowed, e.g. '\\r') sent after the first screen to reach a text field.
dialog runs with the same settings and the marker "<Cancel>" (drawn last) in the same invocation;
the starts alternate kiosk, dialog, kiosk, ... so load on a shared machine falls on both.

The measure of issue 13 (the fully static binary users run; echo like for like, into an
interview's free-text field as dialog echoes into its form's field: "lltp" finds the
criminal-record form at home, Enter opens it on its first question, "Họ, chữ đệm và tên"):
  swift build -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -ltinfo \\
      --scratch-path .build/static --product motcua
  MOTCUA_DATA_DIR=$(mktemp -d) python3 Benchmarks/kiosk_pty.py --runs 20 --keys 400 \\
      --ready "F8 English" --setup 'lltp\\r' --setup-ready "Bước 1/" -- .build/static/release/motcua
(with no operators in the data folder there is no sign-in; the typing session leaves one draft there.)
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import termios
import time

COLS, ROWS = 80, 24


def spawn(argv):
    """Forks `argv` on a new pty of COLS x ROWS; returns (pid, master fd, start time)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("NO_COLOR", None)
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid, fd, start


ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def visible(data):
    """The text of terminal output without its control sequences (colours split words)."""
    return ESCAPES.sub(b"", data)


def read_until(fd, predicate, timeout=10.0):
    """Reads from fd until predicate(all bytes so far) holds; returns (time, bytes)."""
    data = b""
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no match after {timeout}s; last output: {data[-200:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise TimeoutError(f"the program closed the terminal; output: {data[-300:]!r}")
        now = time.perf_counter()
        data += chunk
        if predicate(data):
            return now, data


def drain(fd, quiet=0.05):
    """Reads until the program has been silent for `quiet` seconds."""
    while select.select([fd], [], [], quiet)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def stop(pid, fd):
    """Stops the program; returns the CPU seconds (user + system) it used, or None."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        for _ in range(100):
            done, _, usage = os.wait4(pid, os.WNOHANG)
            if done:
                os.close(fd)
                return usage.ru_utime + usage.ru_stime
            time.sleep(0.01)
    try:
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
        return usage.ru_utime + usage.ru_stime
    except ChildProcessError:
        pass
    os.close(fd)
    return None


def start_once(argv, ready):
    """One start: (seconds to the ready marker, CPU seconds used up to then)."""
    pid, fd, start = spawn(argv)
    try:
        shown, _ = read_until(fd, lambda d: ready.encode() in visible(d))
    finally:
        used = stop(pid, fd)
    return shown - start, used


def type_session(argv, ready, setup, keys, setup_ready=""):
    """One long typing session: (start seconds, echo seconds per key, peak RSS KiB).
    `setup_ready`: text that must show after the setup keys (the field was reached)."""
    pid, fd, start = spawn(argv)
    echoes = []
    try:
        shown, _ = read_until(fd, lambda d: ready.encode() in visible(d))
        drain(fd)
        if setup:
            os.write(fd, setup.encode())
            if setup_ready:
                read_until(fd, lambda d: setup_ready.encode() in visible(d))
            drain(fd, 0.2)
        for i in range(keys):
            sent = time.perf_counter()
            if i % 2 == 0:
                os.write(fd, b"k")
                got, _ = read_until(fd, lambda d: b"k" in visible(d))
            else:
                os.write(fd, b"\x7f")
                got, _ = read_until(fd, lambda d: len(d) > 0)
            echoes.append(got - sent)
            drain(fd, 0.002)
        rss = peak_rss_kib(pid)
    finally:
        stop(pid, fd)
    return shown - start, echoes, rss


def measure(programs, runs, keys):
    """programs: [(argv, ready, setup, setup_ready)]. The starts alternate between the programs run by
    run (kiosk, dialog, kiosk, dialog, ...), so a burst of load on this shared machine
    falls on both; then each has one typing session. Returns (starts, echoes, rss, cpu)
    per program."""
    results = [([], [], [], []) for _ in programs]
    for _ in range(runs - 1):
        for (argv, ready, _, _), (starts, _, _, cpu) in zip(programs, results):
            took, used = start_once(argv, ready)
            starts.append(took)
            if used is not None:
                cpu.append(used)
    for (argv, ready, setup, setup_ready), (starts, echoes, rss, _) in zip(programs, results):
        took, typed, peak = type_session(argv, ready, setup, keys, setup_ready)
        starts.append(took)
        echoes += typed
        rss.append(peak)
    return results


def ms(x):
    return f"{x * 1000:.2f} ms"


def report(label, starts, echoes, rss, cpu):
    echoes_sorted = sorted(echoes)
    p95 = echoes_sorted[int(len(echoes_sorted) * 0.95) - 1] if echoes_sorted else 0
    cpu_median = statistics.median(cpu) if cpu else 0
    print(f"{label:<34} first screen median {ms(statistics.median(starts))} (min {ms(min(starts))}; "
          f"CPU median {ms(cpu_median)}), echo median {ms(statistics.median(echoes))} (p95 {ms(p95)}), "
          f"peak RSS {max(rss) / 1024:.1f} MiB", flush=True)
    return statistics.median(starts), statistics.median(echoes), max(rss), cpu_median


def dialog_form():
    args = ["dialog", "--form", "Tờ khai (10 trường)", "20", "70", "10"]
    for i in range(10):
        args += [f"Trường {i + 1}", str(i + 1), "1", "", str(i + 1), "14", "40", "0"]
    return args


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--ready", default="F10", help="text in the kiosk's first frame, drawn last")
    parser.add_argument("--setup", default="", help="keys sent before typing (Python escapes)")
    parser.add_argument("--setup-ready", default="", help="text shown once the setup keys reached the field")
    parser.add_argument("--label", default=None)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("give the kiosk command after --")
    setup = options.setup.encode().decode("unicode_escape")
    label = options.label or " ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(command))[:34]
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    print(f"pty {COLS}x{ROWS}, {options.runs} starts each, {options.keys} keystrokes (k / Backspace); load average {load}")
    programs = [(command, options.ready, setup, options.setup_ready)]
    if shutil.which("dialog"):
        programs.append((dialog_form(), "<Cancel>", "", ""))
    results = measure(programs, options.runs, options.keys)
    ours = report(label, *results[0])
    if len(results) > 1:
        peer = report("dialog --form (10 fields)", *results[1])
        cpu_ratio = f"{ours[3] / peer[3]:.2f}x" if peer[3] else "n/a"
        print(f"ratio to dialog: first screen {ours[0] / peer[0]:.2f}x (CPU {cpu_ratio}), echo {ours[1] / peer[1]:.2f}x, "
              f"peak RSS {ours[2] / peer[2]:.2f}x")
    else:
        print("dialog is not installed: no peer numbers (apt-get install dialog)")


if __name__ == "__main__":
    sys.exit(main())
