#!/usr/bin/env python3
"""The cove REPL driven through a real pseudo-terminal (readline is only used on a
terminal): tab completion of globals, fields and methods, the continuation prompt,
Ctrl-C during an infinite loop and at the prompt, persistent size-capped history, and
Ctrl-D. Usage: tests/cli/pty_repl.py COVE_BINARY. Prints PASS/FAIL lines; exit 1 on
failure; prints SKIP and exits 0 when no pty is available."""
import os
import re
import select
import signal
import sys
import tempfile
import time

try:
    import pty
except ImportError:
    print("SKIP pty_repl: python3 has no pty module on this platform")
    sys.exit(0)

TIMEOUT = 15.0


class Repl:
    def __init__(self, binary, env):
        try:
            self.pid, self.fd = pty.fork()
        except OSError as e:
            print("SKIP pty_repl: cannot open a pseudo-terminal (%s)" % e)
            sys.exit(0)
        if self.pid == 0:
            os.execve(binary, [binary], env)
        self.out = b""

    def send(self, data):
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def expect(self, pattern, what):
        """Reads until the output since the last match contains pattern (a regex)."""
        rx = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        deadline = time.time() + TIMEOUT
        while True:
            m = rx.search(self.out)
            if m:
                self.out = self.out[m.end():]
                return True
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("%s: timed out waiting for %r; got %r"
                                     % (what, pattern, self.out[-300:]))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError("%s: EOF waiting for %r; got %r"
                                         % (what, pattern, self.out[-300:]))
                self.out += chunk

    def wait_exit(self):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    os.read(self.fd, 4096)
                except OSError:
                    pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
                    else (status >> 8)
            time.sleep(0.05)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError("the REPL did not exit")


PROMPT = r"> $|> (?=\x1b)|\n> "


def main():
    signal.alarm(60)  # a safety net: the whole test takes about a second
    binary = os.path.abspath(sys.argv[1])
    failures = []
    tmp = tempfile.mkdtemp()
    hist = os.path.join(tmp, "hist")
    # an old history bigger than the cap, whose last line is reachable with Ctrl-P
    with open(hist, "w") as f:
        for i in range(1500):
            f.write("old_%d = %d\n" % (i, i))
        f.write("print('from' .. ' history')\n")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "dumb", "HOME": tmp,
           "COVE_HISTORY": hist, "INPUTRC": "/dev/null"}

    def check(name, steps):
        try:
            steps()
            print("PASS pty_repl: " + name)
        except AssertionError as e:
            print("FAIL pty_repl: %s: %s" % (name, e))
            failures.append(name)

    r = Repl(binary, env)

    def start():
        r.expect(r"Cove .*PUC-Rio", "banner")
        r.expect(r"> ", "first prompt")
        r.send("x = 41\r")
        r.expect(r"> ", "prompt after a statement")
        r.send("x + 1\r")
        r.expect(r"\r\n42\r\n", "expression value")
    check("expressions print their values", start)

    def history_recall():
        r.send("\x10")  # Ctrl-P: previous line; the newest is from this session
        r.send("\x10")
        r.send("\x10")
        r.expect(r"from' \.\. ' history'\)", "third line back is the old file's last")
        r.send("\r")
        r.expect(r"\r\nfrom history\r\n", "recalled line runs")
    check("history file is loaded", history_recall)

    def complete_global():
        r.send("pri\t")
        r.expect(r"print\(", "global completion")
        r.send("'ok')\r")
        r.expect(r"\r\nok\r\n", "completed call runs")
    check("completion of globals", complete_global)

    def complete_field():
        r.send("string.fo\t")
        r.expect(r"string\.format\(", "library field completion")
        r.send("'%d', 7)\r")
        r.expect(r"\r\n7\r\n", "completed call runs")
        r.send("tab = {alpha = 1, beta = 2}\r")
        r.expect(r"> ", "prompt")
        r.send("tab.al\t\r")
        r.expect(r"tab\.alpha\r\n1\r\n", "table field completion")
    check("completion of fields", complete_field)

    def complete_method():
        r.send("s = 'abc'\r")
        r.expect(r"> ", "prompt")
        r.send("s:up\t")
        r.expect(r"s:upper\(", "method completion through the string metatable")
        r.send(")\r")
        r.expect(r"\r\nABC\r\n", "completed method runs")
        r.send("string.g\t\t")
        r.expect(r"string\.gmatch +string\.gsub", "listing of several candidates")
        r.expect(r"string\.g", "line redrawn after the listing")
        r.send("sub('hello', 'l', 'L')\r")
        r.expect(r"\r\nheLLo\t2\r\n", "completed after a listing")
    check("completion of methods", complete_method)

    def continuation():
        r.send("function f()\r")
        r.expect(r">> ", "continuation prompt")
        r.send("return 5 end\r")
        r.expect(r"> ", "back to the first prompt")
        r.send("f()\r")
        r.expect(r"\r\n5\r\n", "multi-line function defined")
    check("continuation prompt", continuation)

    def interrupt(statement, what):
        r.send(statement + "\r")
        time.sleep(0.3)
        r.send("\x03")
        r.expect(r"interrupted!", what)
        r.expect(r"> ", "prompt after the interrupt")
        r.send("print('alive')\r")
        r.expect(r"\r\nalive\r\n> ", "the REPL goes on")

    def ctrl_c_loop():
        interrupt("while true do end", "Ctrl-C stops the loop")
        # inside one library call: the matcher backtracks 2^40 times (cove_charge)
        interrupt("string.match(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40))",
                  "Ctrl-C stops a backtracking match")
    check("Ctrl-C interrupts running code", ctrl_c_loop)

    def ctrl_c_prompt():
        r.send("this is not lua")
        r.send("\x03")
        r.expect(r"\r\n> ", "new prompt after Ctrl-C at the prompt")
        r.send("function g()\r")
        r.expect(r">> ", "continuation prompt")
        r.send("\x03")
        r.expect(r"\r\n> ", "Ctrl-C abandons an incomplete statement")
        r.send("print(g, 'clean')\r")
        r.expect(r"\r\nnil\tclean\r\n> ", "nothing of the cancelled lines ran")
    # Typed right after other input: the terminal discards the unread bytes at the ^C,
    # which once left the REPL blocked in read() (tools/repl.c, nonblocking_fd).
    check("Ctrl-C at the prompt cancels the line", ctrl_c_prompt)

    def ctrl_d():
        # Ctrl-D is only sent at a prompt (readline's raw mode): typed while the tty is
        # still in canonical mode, the line discipline would swallow it.
        r.send("\x04")
        status = r.wait_exit()
        if status != 0:
            raise AssertionError("exit status %d after Ctrl-D" % status)
    check("Ctrl-D leaves with status 0", ctrl_d)

    def history_file():
        with open(hist) as f:
            lines = f.read().splitlines()
        for want in ["x = 41", "while true do end", "print(g, 'clean')"]:
            if want not in lines:
                raise AssertionError("%r missing from the history file" % want)
        if "this is not lua" in lines:
            raise AssertionError("a cancelled line was saved")
        if len(lines) > 1000:
            raise AssertionError("history file has %d lines (cap 1000)" % len(lines))
    check("history file written and capped", history_file)

    try:  # the REPL should be gone after Ctrl-D; never leave it behind
        os.kill(r.pid, signal.SIGKILL)
        os.waitpid(r.pid, 0)
    except OSError:
        pass
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
