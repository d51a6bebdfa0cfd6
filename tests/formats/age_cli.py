"""Drives Debian's reference `age` tool (1.1.1), which reads passphrases only
from a terminal, through a pseudo-terminal.

    python3 age_cli.py decrypt IN OUT PASSPHRASE   # age -d -o OUT IN
    python3 age_cli.py encrypt IN OUT PASSPHRASE   # age -p -a -o OUT IN

Exits with age's own status; its messages go to stderr.
"""
import os
import pty
import sys


def run(args, passphrase):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("age", ["age", *args])
    out = b""
    answered = 0
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        # one answer per prompt ("Enter passphrase…", "Confirm passphrase:")
        while out.count(b"passphrase") > answered:
            os.write(fd, passphrase.encode() + b"\n")
            answered += 1
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(out.decode(errors="replace"))
    return code


def main():
    mode, src, dst, passphrase = sys.argv[1:5]
    if mode == "decrypt":
        args = ["-d", "-o", dst, src]
    elif mode == "encrypt":
        args = ["-p", "-a", "-o", dst, src]
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(run(args, passphrase))


if __name__ == "__main__":
    main()
